using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Tests.Support;
using Silkgate.Ceb.Validation;
using Silkgate.Ceb.Writing;
using Imp = Silkgate.Ceb.Import;

namespace Silkgate.Ceb.Tests;

public class ReaderWriterPropertyTests
{
    private static readonly Gen<decimal> Decimals =
        from mantissa in Gen.Choose(0, int.MaxValue)
        from high in Gen.Choose(0, 99999)
        from scale in Gen.Choose(0, 5)
        from negative in Gen.Elements(false, true)
        select new decimal((int)(mantissa & 0x7FFFFFFF), high, 0, negative, (byte)scale);

    [Property(MaxTest = 500)]
    public Property Decimal_text_has_no_exponent_nor_trailing_zeros_and_parses_back_exactly() =>
        Prop.ForAll(Decimals.ToArbitrary(), d =>
        {
            var s = CebFormat.FormatDecimal(d);
            bool plain = !s.Contains('E', StringComparison.Ordinal) && !(s.Contains('.', StringComparison.Ordinal) && s.EndsWith('0'));
            return plain && Facets.TryParseDecimal(s, out var back) && back == d;
        });

    private static readonly Gen<string> Texts =
        Gen.ArrayOf(Gen.Elements("a", "Z", "9", " ", "<", ">", "&", "\"", "'", "中", "文", "\t", "\n", "\r", "😀", "]]>")).Select(a => string.Concat(a));

    [Property(MaxTest = 200)]
    public Property Random_valid_order_models_round_trip_through_writer_and_reader() =>
        Prop.ForAll(Texts.ToArbitrary(), Decimals.ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (text, amount, lines) =>
        {
            var m = (Imp.Ceb311Message)CebSamples.Create(CebMessageType.Ceb311, lines);
            m.Order[0].OrderHead.Note = text.Length > 1000 ? text[..1000] : text;
            m.Order[0].OrderList[lines - 1].ItemDescribe = text.Length > 1000 ? text[..1000] : text;
            m.Order[0].OrderHead.Freight = Math.Abs(amount);
            var bytes = CebWriter.ToBytes(m);
            var read = CebReader.Read(bytes);
            return read.IsSchemaValid && ModelComparer.Difference(m, read.Message!) is null && bytes.AsSpan().SequenceEqual(CebWriter.ToBytes(read.Message!));
        });
}
