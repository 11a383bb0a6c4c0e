namespace Silkgate.Ceb;

public enum CebProblemLevel
{
    /// <summary>The message breaks the official XSD (customs answers 0002).</summary>
    Schema,
    /// <summary>The message is well-formed per XSD but breaks a rule the XSD cannot express.</summary>
    Business,
}

/// <summary>One problem found in a message.</summary>
/// <param name="Path">Location such as <c>Inventory[2]/InventoryList[3]/gcode</c> (1-based indexes on repeatable elements).</param>
/// <param name="Code">Stable machine code, e.g. <c>schema.max-length</c> or <c>business.uscc-check</c>.</param>
/// <param name="Message">English text.</param>
/// <param name="MessageZh">Chinese text.</param>
/// <param name="CustomsCode">Customs error code: 0002 for XSD problems, the document family's code (e.g. -621001) for business problems.</param>
public sealed record CebProblem(CebProblemLevel Level, string Path, string Code, string Message, string MessageZh, string CustomsCode)
{
    public override string ToString() => $"{Path}: {Message} [{Code} {CustomsCode}]";
}
