using System.Text;

namespace Silkgate.RefData.Features.ImportHsCodes;

/// <summary>One CSV record and the 1-based line on which it starts.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads RFC 4180 CSV: comma separated, fields optionally in double quotes, <c>""</c> for a quote inside quotes,
/// line breaks inside quoted fields, CRLF or LF line ends. A leading byte order mark is ignored.
/// </summary>
internal static class CsvRecords
{
    public static async IAsyncEnumerable<CsvRecord> ReadAsync(TextReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var line = 1;
        var first = true;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var text = await reader.ReadLineAsync(ct);
            if (text is null)
            {
                yield break;
            }

            if (first && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            first = false;
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var i = 0;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (!quoted)
                    {
                        break;
                    }

                    // A quoted field continues on the next line.
                    var next = await reader.ReadLineAsync(ct);
                    line++;
                    if (next is null)
                    {
                        throw new FormatException($"Line {start}: a quoted field is not closed before the end of the file.");
                    }

                    field.Append('\n');
                    text = next;
                    i = 0;
                    continue;
                }

                var c = text[i++];
                if (quoted)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i < text.Length && text[i] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            line++;
            if (fields is not [""])
            {
                yield return new CsvRecord(start, fields);
            }
        }
    }
}
