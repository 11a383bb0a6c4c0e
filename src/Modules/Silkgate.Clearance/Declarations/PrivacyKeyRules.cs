using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// The privacy hash key is per installation: demo mode falls back to the documented demo key; production mode refuses to
/// start without a key of its own (checked when the host starts, and again whenever the options are first read).
/// </summary>
internal sealed class PrivacyKeyRules(IOptions<PlatformOptions> platform) : IPostConfigureOptions<PrivacyOptions>, IValidateOptions<PrivacyOptions>
{
    private const string Setting = $"{PrivacyOptions.Section}:{nameof(PrivacyOptions.HashKey)}";

    public void PostConfigure(string? name, PrivacyOptions options)
    {
        if (platform.Value.Mode == PlatformMode.Demo && string.IsNullOrWhiteSpace(options.HashKey))
        {
            options.HashKey = PrivacyOptions.DemoHashKey;
        }
    }

    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        if (platform.Value.Mode == PlatformMode.Demo)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.HashKey))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is not set. Production mode needs a secret of at least {PrivacyOptions.MinimumKeyLength} characters, chosen once per " +
                "installation and never changed (buyer ledger keys depend on it), e.g. the environment variable SILKGATE_Clearance__Privacy__HashKey. " +
                "See docs/guide/operations.md.");
        }

        if (options.HashKey == PrivacyOptions.DemoHashKey)
        {
            return ValidateOptionsResult.Fail($"{Setting} is the published demo key; production mode needs a secret of its own (docs/guide/operations.md).");
        }

        return options.HashKey.Length < PrivacyOptions.MinimumKeyLength
            ? ValidateOptionsResult.Fail($"{Setting} is shorter than {PrivacyOptions.MinimumKeyLength} characters (docs/guide/operations.md).")
            : ValidateOptionsResult.Success;
    }
}
