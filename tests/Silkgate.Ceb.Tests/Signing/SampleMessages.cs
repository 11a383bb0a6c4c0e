using System.Globalization;
using System.Text;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>Small but realistic CEB messages and a DXP envelope for signing tests and benchmarks.</summary>
internal static class SampleMessages
{
    /// <summary>An import inventory (CEB621) with <paramref name="items"/> goods lines; about 4 KB at 7 items.</summary>
    public static string Inventory621(int items = 7, bool withExtendMessage = true)
    {
        var text = new StringBuilder();
        text.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ceb:CEB621Message guid="4CDE1CFD-EDED-46B1-946C-B8022E42FC94" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <!-- a comment is not signed -->
              <ceb:Inventory>
                <ceb:InventoryHead>
                  <ceb:guid>4CDE1CFD-EDED-46B1-946C-B8022E42FC94</ceb:guid>
                  <ceb:appType>1</ceb:appType>
                  <ceb:appTime>20240501120000</ceb:appTime>
                  <ceb:appStatus>2</ceb:appStatus>
                  <ceb:orderNo>SG2024050100001</ceb:orderNo>
                  <ceb:ebpCode>3301960ABC</ceb:ebpCode>
                  <ceb:ebpName>杭州丝路电商平台有限公司</ceb:ebpName>
                  <ceb:logisticsNo>YT1234567890123</ceb:logisticsNo>
                  <ceb:copNo>COP202405010001</ceb:copNo>
                  <ceb:buyerName>张三</ceb:buyerName>
                  <ceb:buyerIdType>1</ceb:buyerIdType>
                  <ceb:consignee>张三</ceb:consignee>
                  <ceb:consigneeAddress>浙江省杭州市滨江区江南大道 &amp; 3588 号</ceb:consigneeAddress>
                  <ceb:freight>0</ceb:freight>
                  <ceb:currency>142</ceb:currency>
                  <ceb:note xsi:nil="false" attr="line&#10;break"></ceb:note>
                </ceb:InventoryHead>
            """);
        for (var i = 1; i <= items; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                    <ceb:InventoryList>
                      <ceb:gnum>{i}</ceb:gnum>
                      <ceb:itemRecordNo>ITEM{i:D6}</ceb:itemRecordNo>
                      <ceb:itemName>婴儿配方奶粉 {i} 段 900g</ceb:itemName>
                      <ceb:gcode>0402291900</ceb:gcode>
                      <ceb:gname>婴儿配方奶粉</ceb:gname>
                      <ceb:gmodel>900克/罐</ceb:gmodel>
                      <ceb:country>116</ceb:country>
                      <ceb:currency>142</ceb:currency>
                      <ceb:qty>{i + 1}</ceb:qty>
                      <ceb:unit>122</ceb:unit>
                      <ceb:price>{199.5m + i}</ceb:price>
                      <ceb:totalPrice>{(199.5m + i) * (i + 1)}</ceb:totalPrice>
                    </ceb:InventoryList>
                """);
        }

        text.Append("""

              </ceb:Inventory>
              <ceb:BaseTransfer>
                <ceb:copCode>3301960ABC</ceb:copCode>
                <ceb:copName>杭州丝路电商平台有限公司</ceb:copName>
                <ceb:dxpMode>DXP</ceb:dxpMode>
                <ceb:dxpId>DXPENT0000012345</ceb:dxpId>
                <ceb:note>test</ceb:note>
              </ceb:BaseTransfer>
            """);
        if (withExtendMessage)
        {
            text.Append("""

                  <ceb:ExtendMessage><ceb:name>ext</ceb:name><ceb:version>1.0</ceb:version><ceb:Message>x</ceb:Message></ceb:ExtendMessage>
                """);
        }

        text.Append("\n</ceb:CEB621Message>\n");
        return text.ToString();
    }

    /// <summary>An export order (CEB303) using a default namespace, with ExtendMessage after where the signature goes.</summary>
    public const string Order303 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CEB303Message xmlns="http://www.chinaport.gov.cn/ceb" guid="2E3FC0B8-7D50-4E25-9A8B-9E1A56E4F1D2" version="1.0">
          <Order>
            <OrderHead><guid>2E3FC0B8-7D50-4E25-9A8B-9E1A56E4F1D2</guid><appType>1</appType><orderType>E</orderType><orderNo>EX0001</orderNo><goodsValue>100.00</goodsValue></OrderHead>
            <OrderList><gnum>1</gnum><itemName>丝绸围巾</itemName><qty>1</qty><price>100.00</price></OrderList>
          </Order>
          <BaseTransfer><copCode>3301960ABC</copCode><copName>出口企业</copName><dxpMode>DXP</dxpMode><dxpId>DXPENT0000012345</dxpId></BaseTransfer>
          <BaseSubscribe><status>1</status><dxpMode>DXP</dxpMode><dxpAddress>DXPENT0000012345</dxpAddress></BaseSubscribe>
          <ExtendMessage><name>ext</name><version>1.0</version><Message>y</Message></ExtendMessage>
        </CEB303Message>
        """;

    /// <summary>A DXP terminal envelope carrying a Base64 business message.</summary>
    public const string DxpEnvelope = """
        <?xml version="1.0" encoding="UTF-8"?>
        <dxp:DxpMsg ver="1.0" Id="Msg01" xmlns:dxp="http://www.chinaport.gov.cn/dxp">
          <dxp:TransInfo>
            <dxp:CopMsgId>5f1c2d3e-0001</dxp:CopMsgId>
            <dxp:SenderId>DXPENT0000012345</dxp:SenderId>
            <dxp:ReceiverIds><dxp:ReceiverId>DXPEDCCEB0000002</dxp:ReceiverId></dxp:ReceiverIds>
            <dxp:CreatTime>2024-05-01T12:00:00</dxp:CreatTime>
            <dxp:MsgType>CEB621Message</dxp:MsgType>
          </dxp:TransInfo>
          <dxp:Data>PGNlYjpDRUI2MjFNZXNzYWdlLz4=</dxp:Data>
        </dxp:DxpMsg>
        """;

    public static byte[] Utf8(string xml) => Encoding.UTF8.GetBytes(xml);
}
