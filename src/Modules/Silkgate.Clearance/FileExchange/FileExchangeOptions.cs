namespace Silkgate.Clearance.FileExchange;

/// <summary>Configuration section <c>Clearance:FileExchange</c>.</summary>
internal sealed class FileExchangeOptions
{
    public const string Section = "Clearance:FileExchange";

    public bool Enabled { get; set; } = true;

    /// <summary>Root of the enterprise folders; <c>{DataDirectory}/exchange</c> when empty.</summary>
    public string? Root { get; set; }

    /// <summary>How often the folders are scanned (a file-system watcher wakes the scan earlier).</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>A file whose size or modification time changed more recently than this is left for a later scan.</summary>
    public int SettleMilliseconds { get; set; } = 1000;
}
