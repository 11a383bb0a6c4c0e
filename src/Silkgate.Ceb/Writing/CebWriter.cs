using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Xml.Linq;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Writing;

/// <summary>Writes a message as UTF-8 XML in the element order of its official XSD, straight into a buffer.</summary>
public static class CebWriter
{
    private static readonly byte[] Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8.ToArray();
    private static readonly byte[] CebNsDecl = " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">"u8.ToArray();

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static byte[] ToBytes(CebMessage message)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        Write(message, buffer);
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 20)
        {
            t_buffer = null;
        }
        return bytes;
    }

    public static string ToXml(CebMessage message) => Encoding.UTF8.GetString(ToBytes(message));

    public static void Write(CebMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToBytes(message));
    }

    public static void Write(CebMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Declaration);
        var root = message.Schema;
        output.Write("<ceb:"u8);
        Ascii(output, root.Name);
        output.Write(" guid=\""u8);
        Text(output, message.Guid.ToUpperInvariant(), attribute: true);
        output.Write("\" version=\""u8);
        Text(output, message.Version, attribute: true);
        output.Write("\""u8);
        output.Write(CebNsDecl);
        WriteEntity(output, root, message);
        output.Write("</ceb:"u8);
        Ascii(output, root.Name);
        output.Write(">"u8);
    }

    private static void WriteEntity(IBufferWriter<byte> o, SchemaEntity def, CebEntity e)
    {
        foreach (var slot in def.Slots)
        {
            switch (slot.Kind)
            {
                case SlotKind.Simple:
                    WriteSimple(o, slot, e);
                    break;
                case SlotKind.Entity:
                    int n = e.GetCount(slot.Index);
                    for (int i = 0; i < n; i++)
                    {
                        o.Write(slot.Utf8Start);
                        WriteEntity(o, slot.Entity!, e.GetChild(slot.Index, i));
                        o.Write(slot.Utf8End);
                    }
                    break;
                case SlotKind.Signature:
                    if (e.GetXml(slot.Index) is { } sig)
                    {
                        Xml(o, sig);
                    }
                    break;
                default:
                    o.Write(slot.Utf8Start);
                    if (e.GetXml(slot.Index) is { } any)
                    {
                        Xml(o, any);
                    }
                    o.Write(slot.Utf8End);
                    break;
            }
        }
    }

    private static void WriteSimple(IBufferWriter<byte> o, SchemaSlot slot, CebEntity e)
    {
        Span<char> chars = stackalloc char[40];
        switch (slot.Type!.Kind)
        {
            case SimpleKind.Decimal:
                if (e.GetDecimal(slot.Index) is not { } d)
                {
                    return;
                }
                o.Write(slot.Utf8Start);
                AsciiChars(o, chars[..CebFormat.FormatDecimal(d, chars)]);
                break;
            case SimpleKind.Int:
                if (e.GetInt(slot.Index) is not { } n)
                {
                    return;
                }
                o.Write(slot.Utf8Start);
                n.TryFormat(chars, out int len, default, CultureInfo.InvariantCulture);
                AsciiChars(o, chars[..len]);
                break;
            default:
                if (e.GetString(slot.Index) is not { } s)
                {
                    return;
                }
                o.Write(slot.Utf8Start);
                Text(o, slot.IsGuid ? s.ToUpperInvariant() : s, attribute: false);
                break;
        }
        o.Write(slot.Utf8End);
    }

    private static void Xml(IBufferWriter<byte> o, XElement el)
    {
        var s = el.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
        var span = o.GetSpan(Encoding.UTF8.GetMaxByteCount(s.Length));
        o.Advance(Encoding.UTF8.GetBytes(s, span));
    }

    private static void Ascii(IBufferWriter<byte> o, string s) => AsciiChars(o, s);

    private static void AsciiChars(IBufferWriter<byte> o, ReadOnlySpan<char> s)
    {
        var span = o.GetSpan(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            span[i] = (byte)s[i];
        }
        o.Advance(s.Length);
    }

    /// <summary>Escaped UTF-8 text; refuses characters XML cannot carry.</summary>
    private static void Text(IBufferWriter<byte> o, string s, bool attribute)
    {
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            ReadOnlySpan<byte> esc;
            if (c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '"' && c < 0xD800)
            {
                continue;
            }
            switch (c)
            {
                case '<': esc = "&lt;"u8; break;
                case '>': esc = "&gt;"u8; break;
                case '&': esc = "&amp;"u8; break;
                case '"': if (!attribute) { continue; } esc = "&quot;"u8; break;
                case '\r': esc = "&#xD;"u8; break;
                case '\n': if (!attribute) { continue; } esc = "&#xA;"u8; break;
                case '\t': if (!attribute) { continue; } esc = "&#x9;"u8; break;
                default:
                    if (c >= 0xD800 && c != '\uFFFE' && c != '\uFFFF' && (!char.IsSurrogate(c) ||
                        (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[++i]))))
                    {
                        continue;
                    }
                    throw new ArgumentException($"Text contains a character that XML 1.0 cannot carry (U+{(int)c:X4}).", nameof(s));
            }
            Utf16(o, s.AsSpan(start, i - start));
            o.Write(esc);
            start = i + 1;
        }
        Utf16(o, s.AsSpan(start));
    }

    private static void Utf16(IBufferWriter<byte> o, ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return;
        }
        var span = o.GetSpan(s.Length * 3);
        Utf8.FromUtf16(s, span, out _, out int written, replaceInvalidSequences: false);
        o.Advance(written);
    }
}
