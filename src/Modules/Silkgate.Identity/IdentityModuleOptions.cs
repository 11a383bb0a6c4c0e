namespace Silkgate.Identity;

/// <summary>Configuration section <c>Identity</c>.</summary>
internal sealed class IdentityModuleOptions
{
    public const string Section = "Identity";

    public LockoutOptions Lockout { get; set; } = new();

    /// <summary>Password of every demo account (demo mode only).</summary>
    public string DemoPassword { get; set; } = "Silkgate#2026";

    /// <summary>How long an API key lookup and an enterprise's status are cached in memory by each server node.</summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the actor in a sign-in cookie is computed again (role, enterprise membership and status, lock);
    /// between checks requests cost no query. A deleted or locked account is signed out at the next check.
    /// </summary>
    public TimeSpan ActorRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Configuration section <c>Identity:Lockout</c>.</summary>
internal sealed class LockoutOptions
{
    /// <summary>Consecutive wrong passwords that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
