namespace Silkgate.Kernel.Modules;

/// <summary>
/// An event one module published through its outbox, delivered after the publishing transaction committed.
/// Delivery is at least once and in order of <see cref="Id"/>; a handler must be idempotent on (<see cref="Source"/>, <see cref="Id"/>).
/// </summary>
/// <param name="Source">Module that published the event, e.g. <c>clearance</c>.</param>
/// <param name="Type">Stable dotted event name, e.g. <c>clearance.message-received</c>.</param>
/// <param name="Payload">The event as JSON (camelCase).</param>
/// <param name="CreatedAt">When the event was written (Unix ms, UTC).</param>
public sealed record IntegrationEvent(string Source, long Id, string Type, string Payload, long CreatedAt);

/// <summary>Receives integration events of other modules in process. Register as <c>services.AddScoped&lt;IIntegrationEventHandler, X&gt;()</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The name the architecture uses for outbox consumers; not a .NET event delegate.")]
public interface IIntegrationEventHandler
{
    /// <summary>Whether this handler wants events of this type.</summary>
    bool CanHandle(string eventType);

    /// <summary>Handles one event; throwing stops delivery of later events of the source until the next attempt.</summary>
    Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken ct);
}
