namespace Silkgate.Kernel.Access;

/// <summary>The actor of the current unit of work; null when nobody is signed in.</summary>
public interface IActorContext
{
    Actor? Current { get; }

    /// <summary>Address the request came from, for the audit log.</summary>
    string? ClientAddress { get; }
}
