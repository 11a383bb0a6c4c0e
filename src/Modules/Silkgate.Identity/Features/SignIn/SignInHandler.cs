using Microsoft.Extensions.Options;
using Silkgate.Identity.Audit;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;

namespace Silkgate.Identity.Features.SignIn;

/// <summary>
/// Verifies a password and applies the lockout rule: after <see cref="LockoutOptions.MaxFailedAttempts"/> consecutive
/// wrong passwords the account is locked for <see cref="LockoutOptions.Duration"/>, during which even the right password
/// is refused. Every attempt is audited as <c>identity.sign-in</c>.
/// </summary>
internal sealed class SignInHandler(
    UserStore users,
    Passwords passwords,
    ActorFactory actors,
    AuditTrail audit,
    TimeProvider time,
    IOptions<IdentityModuleOptions> options)
{
    private const string Action = "identity.sign-in";

    public async Task<SignInOutcome> HandleAsync(string username, string password, CancellationToken ct)
    {
        username = (username ?? "").Trim();
        password ??= "";
        var subject = $"user:{Shorten(username)}";
        var user = username.Length == 0 ? null : await users.FindByUsernameAsync(username, ct);
        if (user is null)
        {
            passwords.VerifyNothing(password);
            await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Failed, "unknown user name"), null, ct);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }

        var now = time.GetUtcNow();
        var actor = await actors.ForAsync(user, ct);
        if (user.IsLockedAt(now))
        {
            var until = DateTimeOffset.FromUnixTimeMilliseconds(user.LockedUntil!.Value);
            await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Denied, $"account locked until {until:O}"), actor, ct);
            return new SignInOutcome(SignInStatus.LockedOut, null, until);
        }

        if (!passwords.Verify(user.PasswordHash, password, out var rehash))
        {
            var lockout = options.Value.Lockout;
            var failures = await users.CountFailureAsync(user.Id, ct);
            if (failures >= lockout.MaxFailedAttempts)
            {
                var until = now + lockout.Duration;
                await users.LockAsync(user.Id, until.ToUnixTimeMilliseconds(), ct);
                await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Failed,
                    $"wrong password; {failures} consecutive failures, account locked until {until:O}"), actor, ct);
                return new SignInOutcome(SignInStatus.LockedOut, null, until);
            }

            await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Failed,
                $"wrong password; {failures} of {lockout.MaxFailedAttempts} consecutive failures"), actor, ct);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }

        await users.RecordSignInAsync(user.Id, now.ToUnixTimeMilliseconds(), rehash, ct);
        await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Succeeded), actor, ct);
        return new SignInOutcome(SignInStatus.Succeeded, actor, null);
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64];
}
