using Silkgate.Ceb.CodeTables;
using Silkgate.Ceb.Tests.Support;

namespace Silkgate.Ceb.Tests;

public class CodeTableTests
{
    [Theory]
    [InlineData("currencies.csv", "Currencies")]
    [InlineData("units.csv", "Units")]
    [InlineData("countries.csv", "Countries")]
    [InlineData("customs_districts.csv", "CustomsDistricts")]
    public void Library_table_holds_exactly_the_codes_of_the_reference_csv(string file, string table)
    {
        var csv = File.ReadAllLines(SharedFiles.Path_("refdata", file)).Skip(1)
            .Select(l => l.Split(',')[0].Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var lib = (IReadOnlySet<string>)typeof(CebCodeTables).GetProperty(table)!.GetValue(null)!;
        Assert.Empty(csv.Except(lib));
        Assert.Empty(lib.Except(csv));
    }
}
