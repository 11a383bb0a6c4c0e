using System.Text.Json.Serialization;
using Silkgate.Kernel.Errors;

namespace Silkgate.Registry.Contracts;

/// <summary>
/// Declaring-agent authorizations (委托申报) for the API and the portal: a principal enterprise's admin grants and
/// revokes; both parties, their zone admins, the province admin and the zone's agency officers read. Every call acts
/// as the current actor; refusals are 404 (not visible) or 403 (visible, not the principal's admin) and are audited.
/// </summary>
public interface IAgentAuthorizationAdmin
{
    /// <summary>Authorizations the enterprise granted (it is the principal), newest first, revoked ones included.</summary>
    Task<Result<AgentAuthorizationList>> ListAgentsAsync(long principalEnterpriseId, CancellationToken ct);

    /// <summary>Authorizations the enterprise received (it is the agent), newest first, revoked ones included.</summary>
    Task<Result<AgentAuthorizationList>> ListPrincipalsAsync(long agentEnterpriseId, CancellationToken ct);

    Task<Result<AgentAuthorization>> GrantAsync(long principalEnterpriseId, AgentAuthorizationForm form, CancellationToken ct);

    Task<Result<AgentAuthorization>> RevokeAsync(long authorizationId, string? reason, CancellationToken ct);
}

/// <summary>A grant as entered.</summary>
/// <param name="AgentCode">The agent's USCC (18 characters) or customs code (10 characters).</param>
/// <param name="MessageTypes">CEB request message types (<c>CEB621Message</c>, <c>621</c> or <c>ceb621</c>), or <c>all</c> for every declaration type.</param>
/// <param name="ValidFrom">First day, <c>yyyy-MM-dd</c> (China Standard Time), not before today.</param>
/// <param name="ValidUntil">Last day (inclusive), <c>yyyy-MM-dd</c>; empty for open-ended.</param>
public sealed record AgentAuthorizationForm(string? AgentCode, IReadOnlyList<string>? MessageTypes, string? ValidFrom, string? ValidUntil, string? Note);

/// <summary>Authorizations of one enterprise, and whether the current actor may grant and revoke them.</summary>
public sealed record AgentAuthorizationList(IReadOnlyList<AgentAuthorization> Items, bool MayManage);

/// <param name="AllTypes">True when every CEB declaration type is covered (then <see cref="MessageTypes"/> is empty).</param>
/// <param name="ValidUntil">Last day (inclusive) in China Standard Time; null for open-ended.</param>
public sealed record AgentAuthorization(
    long Id,
    AuthorizationParty Principal,
    AuthorizationParty Agent,
    bool AllTypes,
    IReadOnlyList<string> MessageTypes,
    DateOnly ValidFrom,
    DateOnly? ValidUntil,
    string? Note,
    long GrantedBy,
    string GrantedByName,
    DateTimeOffset GrantedAt,
    long? RevokedBy,
    string? RevokedByName,
    DateTimeOffset? RevokedAt,
    string? RevokeReason,
    AgentAuthorizationStatus Status);

/// <summary>One side of an authorization, with its registration status and roles (an agent is typically a 服务商 or 物流企业).</summary>
public sealed record AuthorizationParty(long Id, string Uscc, string CustomsCode, string NameZh, string? NameEn, string ZoneCode, EnterpriseStatus Status, IReadOnlyList<EnterpriseRole> Roles);

/// <summary>Where an authorization stands now.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentAuthorizationStatus>))]
public enum AgentAuthorizationStatus
{
    /// <summary>In force: not revoked, within validity, both enterprises approved.</summary>
    Effective,

    /// <summary>Validity starts later.</summary>
    Scheduled,

    /// <summary>Validity ended.</summary>
    Expired,

    /// <summary>Revoked by the principal.</summary>
    Revoked,

    /// <summary>Within validity, but the principal or the agent is not approved (e.g. suspended).</summary>
    Inactive,
}

/// <summary>A CEB request (declaration) message type an agent may be authorized for.</summary>
/// <param name="RootName">e.g. <c>CEB621Message</c>.</param>
/// <param name="Export">True for export (出口) messages, false for import (进口).</param>
public sealed record AgentMessageType(string RootName, int Code, bool Export, string NameZh, string NameEn);

/// <summary>The CEB declaration types an authorization may name, from the <c>Silkgate.Ceb</c> message table.</summary>
public static class AgentMessageTypes
{
    /// <summary>The value of <see cref="AgentAuthorizationForm.MessageTypes"/> that covers every declaration type.</summary>
    public const string All = "all";

    /// <summary>Every request message type an enterprise sends to customs (export first, then import), e.g. CEB303Message, CEB621Message.</summary>
    public static IReadOnlyList<AgentMessageType> Declarations { get; } = Ceb.CebMessageType.All
        .Where(t => t.Role == Ceb.CebMessageRole.Declaration)
        .OrderBy(t => t.Direction).ThenBy(t => t.Code)
        .Select(t => new AgentMessageType(t.RootName, t.Code, t.Direction == Ceb.CebDirection.Export, t.ChineseName, t.EnglishName))
        .ToList();

    /// <summary>The root name of a declaration type given as <c>CEB621Message</c>, <c>621</c> or <c>ceb621</c>; null when it is unknown or not a declaration.</summary>
    public static string? Normalize(string? text) =>
        Ceb.CebMessageType.TryParse(text, out var t) && t!.Role == Ceb.CebMessageRole.Declaration ? t.RootName : null;
}
