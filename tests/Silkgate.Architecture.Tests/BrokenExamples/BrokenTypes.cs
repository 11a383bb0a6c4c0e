namespace Silkgate.Architecture.Tests.BrokenExamples;

// Deliberately wrong code, used only to prove the rules can fail.
public sealed class PublicHelperOutsideContracts;

internal sealed class UsesRegistryModuleClass
{
    public string Name { get; } = new Silkgate.Registry.RegistryModule().Name;
}

internal sealed class UsesDatabase
{
    public System.Data.IsolationLevel Level { get; } = System.Data.IsolationLevel.ReadCommitted;
}
