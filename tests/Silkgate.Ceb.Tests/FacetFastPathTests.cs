using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Tests;

/// <summary>The hand-written span parsers must agree exactly with the framework routines they replace.</summary>
public class FacetFastPathTests
{
    // The straightforward forms the fast paths replaced: lexical check, then decimal.TryParse / int.TryParse, then digits on the value.
    private static bool ReferenceDecimal(string text, out decimal value)
    {
        var s = text.AsSpan().Trim(" \t\n\r");
        value = 0;
        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        bool digit = false, point = false;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) { digit = true; }
            else if (s[i] == '.' && !point) { point = true; }
            else { return false; }
        }
        return digit && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool ReferenceInt(string text, out int value)
    {
        var s = text.AsSpan().Trim(" \t\n\r");
        value = 0;
        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        if (i == s.Length) { return false; }
        for (int j = i; j < s.Length; j++)
        {
            if (!char.IsAsciiDigit(s[j])) { return false; }
        }
        return int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static Issue? ReferenceDigits(decimal value, int totalDigits, int fractionDigits)
    {
        if (totalDigits < 0 && fractionDigits < 0) { return null; }
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        UInt128 m = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        int scale = (bits[3] >> 16) & 0xFF;
        while (scale > 0 && m % 10 == 0) { m /= 10; scale--; }
        int digits = 0;
        for (var t = m; t != 0; t /= 10) { digits++; }
        if (totalDigits >= 0 && (digits > totalDigits || scale > totalDigits)) { return new Issue("schema.total-digits", "", ""); }
        if (fractionDigits >= 0 && scale > fractionDigits) { return new Issue("schema.fraction-digits", "", ""); }
        return null;
    }

    private static readonly string[] Edge =
    [
        "", " ", "+", "-", ".", "+.", "-.", "0", "-0", "+0", "-0.0", "0.000", "00.500", ".5", "5.", "-.5", "1..2", "1e3", "1,5",
        " 12.50 ", "\t-3\n", "١٢", "１２", "9999999999999999999", "10000000000000000000", "18446744073709551615",
        "18446744073709551616", "0.0000000000000000000000000001", "0.00000000000000000000000000001",
        "79228162514264337593543950335", "79228162514264337593543950336", "7922816251426433759354395033.5",
        "1.00000000000000000000000000001", "000000000000000000000000000000001.5", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "+0002147483647", "99999999999", "12345678901234567890123456789012345",
    ];

    private static void AssertSame(string s)
    {
        bool refOk = ReferenceDecimal(s, out var refValue);
        bool ok = Facets.TryParseDecimal(s, 18, 5, out var value, out var issue);
        Assert.True(refOk == ok, $"'{s}': accepted {ok}, reference {refOk}");
        if (ok)
        {
            Assert.True(decimal.GetBits(refValue).SequenceEqual(decimal.GetBits(value)), $"'{s}': {value} vs {refValue}");
            foreach (var (td, fd) in new[] { (18, 5), (5, 2), (3, 0), (-1, 2), (4, -1), (-1, -1) })
            {
                Facets.TryParseDecimal(s, td, fd, out _, out issue);
                Assert.Equal(ReferenceDigits(refValue, td, fd)?.Code, issue?.Code);
                Assert.Equal(ReferenceDigits(refValue, td, fd)?.Code, Facets.CheckDigits(value, td, fd)?.Code);
            }
        }
        bool refInt = ReferenceInt(s, out var refN);
        Assert.True(refInt == Facets.TryParseInt(s, out var n), $"int '{s}'");
        Assert.Equal(refN, n);
    }

    [Fact]
    public void Decimal_and_int_edge_cases_match_the_framework()
    {
        foreach (var s in Edge)
        {
            AssertSame(s);
        }
    }

    [Property(MaxTest = 2000)]
    public Property Decimal_and_int_parsing_match_the_framework() =>
        Prop.ForAll(Gen.Choose(0, 34).SelectMany(n => Gen.ArrayOf(Gen.Elements("0000111223456789..+- ".ToCharArray()), n)).Select(a => new string(a)).ToArbitrary(), s =>
        {
            AssertSame(s);
            return true;
        });

    private static readonly (int Length, string Format)[] TimeForms = [(14, "yyyyMMddHHmmss"), (17, "yyyyMMddHHmmssfff"), (8, "yyyyMMdd")];

    [Fact]
    public void Time_forms_match_DateTime_TryParseExact_on_edge_cases()
    {
        string[] samples =
        [
            "20240229000000", "20230229000000", "19000229120000", "20000229235959", "00010101000000", "00000101000000",
            "99991231235959", "20241301000000", "20240001000000", "20240100000000", "20240132000000", "20240431000000",
            "20240101240000", "20240101236000", "20240101235960", "2024010123595", "202401012359590", "2024-1-01235959",
            "２０２４0101000000", " 20240101000000", "20240101000000 ", "20240101235959123", "20240101235959 12",
            "20240101", "20241231", "20240230", "2024013", "202401011", "",
        ];
        foreach (var s in samples)
        {
            foreach (var (len, format) in TimeForms)
            {
                bool expected = DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                Assert.True(expected == TimeForm.IsValid(s, len), $"'{s}' as {format}: reference {expected}");
            }
        }
    }

    [Property(MaxTest = 3000)]
    public Property Time_forms_match_DateTime_TryParseExact() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
            {
                var rnd = new Random(seed);
                int form = rnd.Next(3), year = rnd.Next(100_000), month = rnd.Next(5), day = rnd.Next(41), hour = rnd.Next(31), minsec = rnd.Next(71);
                var (len, format) = TimeForms[form];
                // Mostly plausible values near the boundaries, sometimes a stray character.
                var s = $"{year % 10_000:D4}{(month * 4) % 15:D2}{day:D2}{hour:D2}{minsec:D2}{(minsec * 7) % 61:D2}{year % 1000:D3}";
                s = s[..Math.Min(len + (year % 13 == 0 ? 1 : 0), s.Length)];
                if (year % 17 == 0) { s = s.Replace('1', ' '); }
                bool expected = DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
                return expected == TimeForm.IsValid(s, len);
            });
}
