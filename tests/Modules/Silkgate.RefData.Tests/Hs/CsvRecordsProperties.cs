using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.RefData.Features.ImportHsCodes;

namespace Silkgate.RefData.Tests.Hs;

public sealed class CsvRecordsProperties
{
    private static readonly char[] Alphabet = ['a', 'Z', '0', '品', ',', '"', '\n', ' ', '[', ']'];

    [Property(MaxTest = 200)]
    public Property Any_fields_written_with_RFC_4180_quoting_read_back_unchanged_with_their_start_lines()
    {
        var field = Gen.ArrayOf(Gen.Elements(Alphabet)).Select(cs => new string(cs));
        var record = Gen.NonEmptyListOf(field).Select(l => l.ToArray()).Where(r => r is not [""]);
        return Prop.ForAll(Gen.NonEmptyListOf(record).Select(l => l.ToArray()).ToArbitrary(), records =>
        {
            var text = string.Join("\r\n", records.Select(r => string.Join(",", r.Select(Quote)))) + "\r\n";
            var read = Read(text);
            var expectedLines = records.Select((r, i) => 1 + records.Take(i).Sum(p => 1 + string.Join(",", p).Count(c => c == '\n'))).ToArray();
            return read.Select(r => r.Fields.ToArray()).SequenceEqual(records, new FieldsComparer())
                && read.Select(r => r.Line).SequenceEqual(expectedLines);
        });
    }

    [Fact]
    public void An_unclosed_quote_is_a_format_error_naming_the_line()
    {
        var e = Assert.Throws<FormatException>(() => Read("a,b\n\"open,c\n"));
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
    }

    private static string Quote(string f) => f.Length == 0 ? "" : "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static List<CsvRecord> Read(string text)
    {
        var list = new List<CsvRecord>();
        var e = CsvRecords.ReadAsync(new StringReader(text), CancellationToken.None).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            list.Add(e.Current);
        }

        return list;
    }

    private sealed class FieldsComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
