using System.Text;
using System.Xml.Linq;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Schema;
using Silkgate.Ceb.Tests.Support;
using Silkgate.Ceb.Writing;
using Xunit.Abstractions;

namespace Silkgate.Ceb.Tests;

/// <summary>The library's XSD-level verdict must equal System.Xml.Schema's on valid samples and on systematic mutations of every field.</summary>
public class DifferentialTests(ITestOutputHelper output)
{
    public static TheoryData<int> AllTypes() => new(CebMessageType.All.Select(t => t.Code));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Library_and_official_xsd_agree_on_every_mutation(int code)
    {
        var type = CebMessageType.FromCode(code);
        var sample = CebSamples.Create(type, lines: 2);
        if (!type.SignatureRequired && type.Role == CebMessageRole.Declaration)
        {
            RoundTripTests.Sign(sample);
        }
        var doc = XDocument.Parse(CebWriter.ToXml(sample), LoadOptions.PreserveWhitespace);
        var disagreements = new List<string>();
        int count = 0;
        foreach (var (name, xml) in Mutations.For(doc, type.Schema))
        {
            count++;
            var bytes = Encoding.UTF8.GetBytes(xml);
            var oracle = XsdOracle.Validate(bytes, type.Direction);
            var result = CebReader.Read(bytes);
            bool mine = result.IsSchemaValid;
            if (mine != (oracle.Count == 0))
            {
                disagreements.Add($"{name}: library {(mine ? "valid" : "invalid")} ({result.Failure} {string.Join("; ", result.Problems)}), xsd {(oracle.Count == 0 ? "valid" : string.Join("; ", oracle))}");
            }
        }
        output.WriteLine($"{count} mutations of {type}");
        Assert.True(count > 20, "too few mutations generated");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(30)));
    }
}

/// <summary>Generates mutated documents from the schema model: every simple field missing, empty, too long, bad number forms,
/// duplicated, out of order; every entity missing, duplicated beyond its maximum, out of order; root attributes broken.</summary>
internal static class Mutations
{
    private static readonly XNamespace Ceb = CebNamespaces.Ceb;

    public static IEnumerable<(string Name, string Xml)> For(XDocument original, SchemaEntity root)
    {
        yield return ("original", original.ToString(SaveOptions.DisableFormatting));
        foreach (var attr in new[] { "guid", "version" })
        {
            yield return Mutate(original, $"@{attr} missing", d => d.Root!.Attribute(attr)!.Remove());
            yield return Mutate(original, $"@{attr} too long", d => d.Root!.SetAttributeValue(attr, d.Root!.Attribute(attr)!.Value + "0123456789A"));
            yield return Mutate(original, $"@{attr} empty", d => d.Root!.SetAttributeValue(attr, ""));
        }
        yield return Mutate(original, "unknown attribute", d => d.Root!.SetAttributeValue("foo", "1"));
        yield return Mutate(original, "text in root", d => d.Root!.AddFirst(new XText("x")));
        foreach (var m in Walk(original, root, d => d.Root!, root.Name))
        {
            yield return m;
        }
    }

    private static IEnumerable<(string, string)> Walk(XDocument doc, SchemaEntity def, Func<XDocument, XElement> locate, string path)
    {
        foreach (var slot in def.Slots)
        {
            var xname = slot.Kind == SlotKind.Signature ? XName.Get("Signature", CebNamespaces.XmlDsig) : Ceb + slot.Name;
            string p = path + "/" + slot.Name;
            Func<XDocument, XElement?> find = d => locate(d).Element(xname);
            if (find(doc) is null)
            {
                if (slot.Kind == SlotKind.Simple)
                {
                    yield return Mutate(doc, p + " added empty at end", d => locate(d).Add(new XElement(xname)));
                }
                continue;
            }
            yield return Mutate(doc, p + " missing", d => find(d)!.Remove());
            yield return Mutate(doc, p + " duplicated", d => find(d)!.AddAfterSelf(new XElement(find(d)!)));
            if (slot.Max is > 1 and <= 100)
            {
                yield return Mutate(doc, p + " beyond max", d =>
                {
                    var e = find(d)!;
                    int have = locate(d).Elements(xname).Count();
                    for (int i = have; i <= slot.Max; i++)
                    {
                        e.AddAfterSelf(new XElement(e));
                    }
                });
            }
            yield return Mutate(doc, p + " swapped with next", d =>
            {
                var e = find(d)!;
                if (e.ElementsAfterSelf().FirstOrDefault() is { } next)
                {
                    next.Remove();
                    e.AddBeforeSelf(next);
                }
            });
            yield return Mutate(doc, p + " with attribute", d => find(d)!.SetAttributeValue("x", "1"));
            if (slot.Kind == SlotKind.Simple)
            {
                foreach (var (label, value) in Values(slot))
                {
                    yield return Mutate(doc, $"{p} = '{label}'", d => find(d)!.Value = value);
                }
                yield return Mutate(doc, p + " with child element", d => find(d)!.Add(new XElement(Ceb + "x")));
            }
            else if (slot.Kind == SlotKind.Entity)
            {
                yield return Mutate(doc, p + " with text", d => find(d)!.AddFirst(new XText("x")));
                yield return Mutate(doc, p + " with unknown child", d => find(d)!.Add(new XElement(Ceb + "unknownChild")));
                yield return Mutate(doc, p + " emptied", d => find(d)!.RemoveNodes());
                foreach (var m in Walk(doc, slot.Entity!, d => find(d)!, p))
                {
                    yield return m;
                }
            }
            else if (slot.Kind == SlotKind.Signature)
            {
                yield return Mutate(doc, p + " without SignedInfo", d => find(d)!.Elements().First().Remove());
                yield return Mutate(doc, p + " emptied", d => find(d)!.RemoveNodes());
            }
            else
            {
                yield return Mutate(doc, p + " two children", d => find(d)!.Add(new XElement("b")));
                yield return Mutate(doc, p + " with text", d => find(d)!.Add(new XText("x")));
            }
        }
    }

    private static IEnumerable<(string, string)> Values(SchemaSlot slot)
    {
        var t = slot.Type!;
        yield return ("empty", "");
        yield return ("spaces", "   ");
        switch (t.Kind)
        {
            case SimpleKind.Decimal:
                foreach (var v in new[] { "1.123456", "1.123450000", "1e5", "abc", "12345678901234567890", "1234567890123456789", " 7 ", "+.5", "5.", "-0", "1,5", "0x10", "١" })
                {
                    yield return (v, v);
                }
                break;
            case SimpleKind.Int:
                foreach (var v in new[] { "1.5", "123456", "12345", "abc", "+3", " 4 ", "-1", "99999999999", "0009" })
                {
                    yield return (v, v);
                }
                break;
            default:
                int len = t.Length >= 0 ? t.Length : t.MaxLength >= 0 ? t.MaxLength : 10;
                yield return ("at limit", new string('A', len));
                yield return ("one too long", new string('A', len + 1));
                if (len > 1)
                {
                    yield return ("one too short", new string('A', len - 1));
                }
                yield return ("padded", " " + new string('A', Math.Max(0, len - 2)) + " ");
                yield return ("tabs inside", "A\t\tB");
                if (slot.Fixed is not null)
                {
                    yield return ("not fixed", "999");
                }
                break;
        }
    }

    private static (string, string) Mutate(XDocument original, string name, Action<XDocument> change)
    {
        var d = new XDocument(original);
        change(d);
        return (name, d.ToString(SaveOptions.DisableFormatting));
    }
}
