using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>
/// The registration workflow: Submitted → Approved or Rejected; Approved ⇄ Suspended; Rejected → Submitted (resubmission).
/// Rejecting and suspending need a reason.
/// </summary>
internal static class EnterpriseWorkflow
{
    public static string ActionName(EnterpriseDecision decision) => decision switch
    {
        EnterpriseDecision.Approve => "approve",
        EnterpriseDecision.Reject => "reject",
        EnterpriseDecision.Suspend => "suspend",
        _ => "reinstate",
    };

    public static bool NeedsReason(EnterpriseDecision decision) => decision is EnterpriseDecision.Reject or EnterpriseDecision.Suspend;

    /// <summary>The status a decision leads to, or the conflict when the current status does not allow it.</summary>
    public static Result<EnterpriseStatus> DecisionMustFitTheCurrentStatus(EnterpriseStatus current, EnterpriseDecision decision)
    {
        EnterpriseStatus? next = (current, decision) switch
        {
            (EnterpriseStatus.Submitted, EnterpriseDecision.Approve) => EnterpriseStatus.Approved,
            (EnterpriseStatus.Submitted, EnterpriseDecision.Reject) => EnterpriseStatus.Rejected,
            (EnterpriseStatus.Approved, EnterpriseDecision.Suspend) => EnterpriseStatus.Suspended,
            (EnterpriseStatus.Suspended, EnterpriseDecision.Reinstate) => EnterpriseStatus.Approved,
            _ => null,
        };
        return next is { } status
            ? status
            : Problem.Conflict("status", "status.transition", $"A registration that is {current} cannot be {Past(decision)}.");
    }

    /// <summary>Only submitted or rejected registrations can be edited; editing a rejected one resubmits it.</summary>
    public static Result<EnterpriseStatus> EditsAreAllowedOnlyBeforeApproval(EnterpriseStatus current) => current switch
    {
        EnterpriseStatus.Submitted or EnterpriseStatus.Rejected => EnterpriseStatus.Submitted,
        _ => Problem.Conflict("status", "status.not-editable", $"A registration that is {current} cannot be edited."),
    };

    private static string Past(EnterpriseDecision decision) => decision switch
    {
        EnterpriseDecision.Approve => "approved",
        EnterpriseDecision.Reject => "rejected",
        EnterpriseDecision.Suspend => "suspended",
        _ => "reinstated",
    };
}
