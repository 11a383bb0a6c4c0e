namespace Silkgate.Clearance.Contracts;

/// <summary>The DXP-style file exchange folders of enterprises (<c>{root}/{enterpriseCode}/in|out</c>).</summary>
public interface IExchangeFolders
{
    /// <summary>
    /// Creates the folder pair of an approved enterprise, named by the code given (USCC or customs code), and returns
    /// its path; null when no approved enterprise has that code.
    /// </summary>
    Task<string?> InitializeAsync(string enterpriseCode, CancellationToken ct);
}
