using Silkgate.Kernel.Errors;

namespace Silkgate.Registry.Contracts;

/// <summary>
/// Enterprise registration (备案, R1) for the API and the portal. Every call acts as the current actor
/// (<c>IActorContext</c>) and enforces who may see and do what; failures come back as problems naming the field.
/// </summary>
public interface IEnterpriseRegistry
{
    /// <summary>Files a registration: for oneself (applicant, becomes the enterprise's admin) or on behalf of an enterprise (zone or province admin).</summary>
    Task<Result<EnterpriseDetails>> RegisterAsync(EnterpriseForm form, CancellationToken ct);

    /// <summary>Enterprises the actor may see, filtered and paged.</summary>
    Task<Result<EnterprisePage>> SearchAsync(EnterpriseQuery query, CancellationToken ct);

    Task<Result<EnterpriseDetails>> GetAsync(long enterpriseId, CancellationToken ct);

    /// <summary>Changes a registration while it is submitted or rejected; a rejected one is resubmitted.</summary>
    Task<Result<EnterpriseDetails>> UpdateAsync(long enterpriseId, EnterpriseForm form, CancellationToken ct);

    /// <summary>Approve, reject, suspend or reinstate; reject and suspend need a reason.</summary>
    Task<Result<EnterpriseDetails>> DecideAsync(long enterpriseId, EnterpriseDecision decision, string? reason, CancellationToken ct);

    Task<Result<IReadOnlyList<StatusChange>>> HistoryAsync(long enterpriseId, CancellationToken ct);

    /// <summary>
    /// Registrations per zone and status within the actor's remit (government users only): province admins every zone,
    /// zone admins their own, agency officers the approved ones of the zones they cover. Zones without any are left out.
    /// </summary>
    Task<Result<IReadOnlyList<ZoneStatusCount>>> CountByZoneAsync(CancellationToken ct);
}

public sealed record ZoneStatusCount(string ZoneCode, EnterpriseStatus Status, long Count);

public enum EnterpriseDecision
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

/// <summary>A registration as entered; every field is checked and all problems are reported together.</summary>
/// <param name="Roles">Names of <see cref="EnterpriseRole"/> values, at least one.</param>
/// <param name="RegisteredCapital">Registered capital in yuan, optional.</param>
public sealed record EnterpriseForm(
    string? Uscc,
    string? CustomsCode,
    string? NameZh,
    string? NameEn,
    IReadOnlyList<string>? Roles,
    string? ZoneCode,
    string? DistrictCode,
    long? ParkId,
    string? Address,
    string? LegalRepresentative,
    decimal? RegisteredCapital,
    IReadOnlyList<ContactForm>? Contacts);

public sealed record ContactForm(string? Name, string? Phone, string? Email, string? Title);

public sealed record Contact(string Name, string Phone, string? Email, string? Title);

public sealed record EnterpriseDetails(
    long Id,
    string Uscc,
    string CustomsCode,
    string NameZh,
    string? NameEn,
    IReadOnlyList<EnterpriseRole> Roles,
    string ZoneCode,
    string DistrictCode,
    long? ParkId,
    string Address,
    string LegalRepresentative,
    decimal? RegisteredCapital,
    IReadOnlyList<Contact> Contacts,
    EnterpriseStatus Status,
    string? StatusReason,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Search criteria; <see cref="Text"/> matches names and codes. Sort: <c>name</c> (default), <c>uscc</c>, <c>submitted</c>, <c>-submitted</c>.</summary>
public sealed record EnterpriseQuery(
    string? Text = null,
    string? ZoneCode = null,
    string? DistrictCode = null,
    long? ParkId = null,
    string? Role = null,
    string? Status = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = 20);

public sealed record EnterpriseListItem(
    long Id,
    string Uscc,
    string CustomsCode,
    string NameZh,
    string? NameEn,
    IReadOnlyList<EnterpriseRole> Roles,
    string ZoneCode,
    string DistrictCode,
    EnterpriseStatus Status,
    DateTimeOffset SubmittedAt);

public sealed record EnterprisePage(IReadOnlyList<EnterpriseListItem> Items, int Total, int Page, int PageSize);

/// <summary>One entry of an enterprise's status history.</summary>
/// <param name="Action"><c>submit</c>, <c>resubmit</c>, <c>approve</c>, <c>reject</c>, <c>suspend</c> or <c>reinstate</c>.</param>
public sealed record StatusChange(
    string Action,
    EnterpriseStatus? From,
    EnterpriseStatus To,
    string? Reason,
    long ActorUserId,
    string ActorName,
    DateTimeOffset At);
