using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Catalog;

/// <summary>Destination countries of Zhejiang CBEC exports with rough shares (customs 3-digit codes; shares are an
/// assumption after public summaries: the United States about 30 %, then Europe, Japan/Korea, Russia, Latin America,
/// the Middle East and South-East Asia).</summary>
internal static class Countries
{
    public static IReadOnlyList<(string Code, double Share)> ExportDestinations { get; } =
    [
        ("502", 30), // United States
        ("303", 9), // United Kingdom
        ("304", 7), // Germany
        ("116", 5), // Japan
        ("344", 5), // Russia
        ("133", 4), // Republic of Korea
        ("305", 4), // France
        ("501", 4), // Canada
        ("601", 4), // Australia
        ("410", 3), // Brazil
        ("312", 3), // Spain
        ("429", 2.5), // Mexico
        ("307", 2.5), // Italy
        ("309", 2), // Netherlands
        ("131", 2), // Saudi Arabia
        ("138", 2), // United Arab Emirates
        ("122", 2), // Malaysia
        ("141", 1.5), // Vietnam
        ("136", 1.5), // Thailand
        ("112", 1.5), // Indonesia
        ("327", 1.5), // Poland
        ("129", 1.2), // Philippines
        ("132", 1.2), // Singapore
        ("137", 1), // Turkey
        ("330", 0.8), // Sweden
        ("301", 0.8), // Belgium
        ("115", 0.8), // Israel
        ("412", 0.8), // Chile
        ("609", 0.7), // New Zealand
        ("331", 0.6), // Switzerland
    ];

    public static WeightedChoice<string> ExportChoice { get; } = new(ExportDestinations);
}
