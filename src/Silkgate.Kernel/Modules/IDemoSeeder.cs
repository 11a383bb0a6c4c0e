namespace Silkgate.Kernel.Modules;

/// <summary>
/// Puts a module's demo data in place. Runs in demo mode at start-up and from <c>silkgate demo seed</c>,
/// in ascending <see cref="Order"/>; must be idempotent (a second run adds nothing).
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
