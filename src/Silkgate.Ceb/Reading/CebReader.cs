using System.Runtime.InteropServices;
using System.Xml;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Schema;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Reading;

/// <summary>Reads CEB messages and DXP envelopes from untrusted bytes: one streaming pass that refuses hostile input,
/// checks the official XSD rules and fills the model.</summary>
public static class CebReader
{
    public static CebReadResult Read(byte[] xml, CebReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Read(xml.AsMemory(), options);
    }

    public static CebReadResult Read(ReadOnlyMemory<byte> xml, CebReaderOptions? options = null)
    {
        options ??= CebReaderOptions.Default;
        if (xml.Length > options.MaxBytes)
        {
            return CebReadResult.Refused(CebReadFailure.TooLarge, $"document of {xml.Length} bytes exceeds the limit of {options.MaxBytes}");
        }
        using var stream = MemoryMarshal.TryGetArray(xml, out var seg)
            ? new MemoryStream(seg.Array!, seg.Offset, seg.Count, writable: false)
            : new MemoryStream(xml.ToArray(), writable: false);
        return ReadCore(stream, options);
    }

    public static CebReadResult Read(Stream stream, CebReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= CebReaderOptions.Default;
        if (stream.CanSeek && stream.Length - stream.Position > options.MaxBytes)
        {
            return CebReadResult.Refused(CebReadFailure.TooLarge, $"document of {stream.Length - stream.Position} bytes exceeds the limit of {options.MaxBytes}");
        }
        using var limited = new LimitedStream(stream, options.MaxBytes);
        return ReadCore(limited, options);
    }

    private static CebReadResult ReadCore(Stream stream, CebReaderOptions options)
    {
        var names = Names.Rent();
        bool clean = false;
        try
        {
            using var reader = XmlReader.Create(stream, names.Settings);
            var engine = new ReadEngine(reader, options, names);
            var result = engine.ReadDocument();
            clean = result.IsSchemaValid;
            return result;
        }
        catch (CebReadRefusedException ex)
        {
            return CebReadResult.Refused(ex.Failure, ex.Message);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return CebReadResult.Refused(CebReadFailure.DtdProhibited, "a DTD is not allowed: " + ex.Message);
        }
        catch (XmlException ex)
        {
            return CebReadResult.Refused(CebReadFailure.Malformed, ex.Message);
        }
        finally
        {
            Names.Return(names, clean);
        }
    }
}

internal sealed partial class ReadEngine
{
    internal CebReadResult ReadDocument()
    {
        do
        {
            if (!Next())
            {
                throw new CebReadRefusedException(CebReadFailure.Malformed, "no root element");
            }
        }
        while (_r.NodeType != XmlNodeType.Element);

        var ln = _r.LocalName;
        var ns = _r.NamespaceURI;
        if (ln is "DxpMsg" or "DxpMsgSv")
        {
            if (!ReferenceEquals(ns, CebNames.Dxp) && ns != CebNames.Dxp)
            {
                throw new CebReadRefusedException(CebReadFailure.WrongNamespace, $"<{ln}> must be in namespace {CebNames.Dxp}, not '{ns}'");
            }
            var env = new DxpReadEngine(this, _r, _o).ReadEnvelope(ln == "DxpMsgSv");
            ReadToEnd();
            return new CebReadResult(null, null, env, _problems, null, null);
        }
        var type = CebMessageType.FromRoot(ln) ?? throw new CebReadRefusedException(CebReadFailure.UnknownRoot, $"<{ln}> is not a CEB 202205 message");
        if (ns != CebNames.Ceb)
        {
            throw new CebReadRefusedException(CebReadFailure.WrongNamespace, $"<{ln}> must be in namespace {CebNames.Ceb}, not '{ns}'");
        }
        var schema = type.Schema;
        var message = (CebMessage)schema.Factory();
        ReadRootAttributes(message);
        ReadEntity(schema, message);
        ReadToEnd();
        return new CebReadResult(type, message, null, _problems, null, null);
    }

    private void ReadToEnd()
    {
        while (Next())
        {
        }
    }

    private void ReadRootAttributes(CebMessage message)
    {
        bool guid = false, version = false;
        message.Guid = string.Empty;
        message.Version = string.Empty;
        while (_r.MoveToNextAttribute())
        {
            var v = TextValue();
            if (_r.NamespaceURI.Length == 0 && _r.LocalName == "guid")
            {
                guid = true;
                message.Guid = v;
                if (v.Length != 36)
                {
                    Report(new Issue("schema.length", $"attribute guid must have 36 characters (has {v.Length})", $"属性guid长度必须为36位（实际{v.Length}位）"), "@guid");
                }
            }
            else if (_r.NamespaceURI.Length == 0 && _r.LocalName == "version")
            {
                version = true;
                message.Version = v;
                if (v.Length is < 1 or > 10)
                {
                    Report(new Issue("schema.max-length", "attribute version must have 1 to 10 characters", "属性version长度必须为1至10位"), "@version");
                }
            }
            else if (!IsIgnorableAttribute())
            {
                Report(new Issue("schema.attribute-not-allowed", $"attribute {_r.Name} is not allowed", $"不允许属性{_r.Name}"), "@" + _r.Name);
            }
        }
        _r.MoveToElement();
        if (!guid)
        {
            Report(new Issue("schema.missing-attribute", "required attribute guid is missing", "缺少必填属性guid"), "@guid");
        }
        if (!version)
        {
            Report(new Issue("schema.missing-attribute", "required attribute version is missing", "缺少必填属性version"), "@version");
        }
    }
}

/// <summary>Stops a stream of unknown length once it has delivered more than the byte limit.</summary>
internal sealed class LimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        _read += n;
        if (_read > limit)
        {
            throw new CebReadRefusedException(CebReadFailure.TooLarge, $"document exceeds the limit of {limit} bytes");
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
