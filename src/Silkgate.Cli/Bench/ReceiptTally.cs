using System.Globalization;
using System.Xml;

namespace Silkgate.Cli.Bench;

/// <summary>What a receipt says: a CEB900 (the message refused as a whole) or the entities with a non-positive returnStatus.</summary>
internal readonly record struct ReceiptTally(bool Is900, int Entities, int RefusedEntities)
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true };

    public static ReceiptTally Read(byte[] receipt)
    {
        using var reader = XmlReader.Create(new MemoryStream(receipt), Settings);
        bool is900 = false;
        int entities = 0, refused = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth == 0)
            {
                is900 = reader.LocalName == "CEB900Message";
            }
            else if (reader.LocalName == "returnStatus")
            {
                entities++;
                var text = reader.ReadElementContentAsString();
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var status) || status <= 0)
                {
                    refused++;
                }
            }
        }

        return new ReceiptTally(is900, entities, refused);
    }
}
