using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Security",
    "CA5350:Do Not Use Weak Cryptographic Algorithms",
    Justification = "SHA-1 is the CEB standard's fallback digest (rsa-sha1, sha1) and the customary certificate thumbprint; the standard, not this library, chooses it.",
    Scope = "namespaceanddescendants",
    Target = "~N:Silkgate.Ceb.Signing")]
