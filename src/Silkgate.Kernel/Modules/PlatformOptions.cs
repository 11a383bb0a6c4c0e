namespace Silkgate.Kernel.Modules;

public enum PlatformMode
{
    /// <summary>No default accounts or data; the first admin is created with <c>silkgate user create-admin</c>.</summary>
    Production,

    /// <summary>Seeds the demo province, documented demo accounts and synthetic trade.</summary>
    Demo,
}

/// <summary>Configuration section <c>Platform</c>.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    public PlatformMode Mode { get; set; } = PlatformMode.Production;

    /// <summary>Administrative division code of the province this deployment serves (Zhejiang: 330000).</summary>
    public string ProvinceCode { get; set; } = "330000";

    /// <summary>Apply migrations when the server starts; turn off where <c>silkgate db migrate</c> runs as a deployment step.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Largest JSON request body the API accepts, in bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}
