namespace Silkgate.Ceb.Tests.Signing;

/// <summary>
/// Signed messages generated once by CebSigner and committed, so verification is checked against fixed bytes
/// (SM2 signatures are randomized and cannot be compared by re-signing). The SM2 key is
/// d = SM3("silkgate-known-answer-sm2-key") in a self-signed certificate; the SM2 signature over SignedInfo of
/// <see cref="Sm2DerInventory"/> was also verified with OpenSSL 3 (pkeyutl, distid 1234567812345678).
/// </summary>
internal static class KnownAnswers
{
    public const string Sm2CertificateThumbprint = "3560A4610B36E368FBF8509D9AE1F882291F8695";

    public const string RsaCertificateThumbprint = "B1E3B0827E4E6AB85AED1345694E6EBAEBD9DCD1";

    /// <summary>CEB621 (2 items) signed with SM2-SM3, DER signature value.</summary>
    public const string Sm2DerInventory = """
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
              <ceb:note xsi:nil="false" attr="line&#xA;break"></ceb:note>
            </ceb:InventoryHead>
            <ceb:InventoryList>
              <ceb:gnum>1</ceb:gnum>
              <ceb:itemRecordNo>ITEM000001</ceb:itemRecordNo>
              <ceb:itemName>婴儿配方奶粉 1 段 900g</ceb:itemName>
              <ceb:gcode>0402291900</ceb:gcode>
              <ceb:gname>婴儿配方奶粉</ceb:gname>
              <ceb:gmodel>900克/罐</ceb:gmodel>
              <ceb:country>116</ceb:country>
              <ceb:currency>142</ceb:currency>
              <ceb:qty>2</ceb:qty>
              <ceb:unit>122</ceb:unit>
              <ceb:price>200.5</ceb:price>
              <ceb:totalPrice>401.0</ceb:totalPrice>
            </ceb:InventoryList>
            <ceb:InventoryList>
              <ceb:gnum>2</ceb:gnum>
              <ceb:itemRecordNo>ITEM000002</ceb:itemRecordNo>
              <ceb:itemName>婴儿配方奶粉 2 段 900g</ceb:itemName>
              <ceb:gcode>0402291900</ceb:gcode>
              <ceb:gname>婴儿配方奶粉</ceb:gname>
              <ceb:gmodel>900克/罐</ceb:gmodel>
              <ceb:country>116</ceb:country>
              <ceb:currency>142</ceb:currency>
              <ceb:qty>3</ceb:qty>
              <ceb:unit>122</ceb:unit>
              <ceb:price>201.5</ceb:price>
              <ceb:totalPrice>604.5</ceb:totalPrice>
            </ceb:InventoryList>
          </ceb:Inventory>
          <ceb:BaseTransfer>
            <ceb:copCode>3301960ABC</ceb:copCode>
            <ceb:copName>杭州丝路电商平台有限公司</ceb:copName>
            <ceb:dxpMode>DXP</ceb:dxpMode>
            <ceb:dxpId>DXPENT0000012345</ceb:dxpId>
            <ceb:note>test</ceb:note>
          </ceb:BaseTransfer>
          <ceb:ExtendMessage><ceb:name>ext</ceb:name><ceb:version>1.0</ceb:version><ceb:Message>x</ceb:Message></ceb:ExtendMessage>
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" /><ds:SignatureMethod Algorithm="http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3" /><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature" /></ds:Transforms><ds:DigestMethod Algorithm="http://www.chinaport.gov.cn/2022/04/xmldsig#sm3" /><ds:DigestValue>iFRseCK6QCw1TdqZCNNTRjsfeAGt6tZfCl+pcGMKwbQ=</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>MEYCIQCtDaDIcCLBNDKWzH+m+AIT9UX5j47FLDK9e7caDPirrQIhAM8aCCrAch0Hipb5QuFo2PFBlrbqqwp0K9TWoqGKppeN</ds:SignatureValue><ds:KeyInfo><ds:KeyName>0101</ds:KeyName><ds:X509Data><ds:X509Certificate>MIIBoTCCAUigAwIBAgICAQEwCgYIKoEcz1UBg3UwSTELMAkGA1UEBhMCQ04xFjAUBgNVBAoMDVNpbGtnYXRlIFRlc3QxIjAgBgNVBAMMGVNpbGtnYXRlIEtub3duIEFuc3dlciBTTTIwHhcNMjQwMTAxMDAwMDAwWhcNNDQwMTAxMDAwMDAwWjBJMQswCQYDVQQGEwJDTjEWMBQGA1UECgwNU2lsa2dhdGUgVGVzdDEiMCAGA1UEAwwZU2lsa2dhdGUgS25vd24gQW5zd2VyIFNNMjBZMBMGByqGSM49AgEGCCqBHM9VAYItA0IABGiBGTX6Vr7+UWLVtfl2I3qPnU/Zcbzk6f1OcPns2bUS13l3500OEM1mfj2yYBYzJXgrpPkbtWeOrhnuXaBdLeCjIDAeMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgbAMAoGCCqBHM9VAYN1A0cAMEQCICZTJ27QrpnHoivdWb9lRh8uNcVuvssF+scPc2xGFgFbAiAWvkkol8EIOXOh14fbeyxsoYMqLcR/oTJtbZsiKpcdLw==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></ceb:CEB621Message>

        """;

    /// <summary>CEB303 signed with SM2-SM3, raw r||s signature value.</summary>
    public const string Sm2RawOrder = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CEB303Message xmlns="http://www.chinaport.gov.cn/ceb" guid="2E3FC0B8-7D50-4E25-9A8B-9E1A56E4F1D2" version="1.0">
          <Order>
            <OrderHead><guid>2E3FC0B8-7D50-4E25-9A8B-9E1A56E4F1D2</guid><appType>1</appType><orderType>E</orderType><orderNo>EX0001</orderNo><goodsValue>100.00</goodsValue></OrderHead>
            <OrderList><gnum>1</gnum><itemName>丝绸围巾</itemName><qty>1</qty><price>100.00</price></OrderList>
          </Order>
          <BaseTransfer><copCode>3301960ABC</copCode><copName>出口企业</copName><dxpMode>DXP</dxpMode><dxpId>DXPENT0000012345</dxpId></BaseTransfer>
          <BaseSubscribe><status>1</status><dxpMode>DXP</dxpMode><dxpAddress>DXPENT0000012345</dxpAddress></BaseSubscribe>
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" /><ds:SignatureMethod Algorithm="http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3" /><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature" /></ds:Transforms><ds:DigestMethod Algorithm="http://www.chinaport.gov.cn/2022/04/xmldsig#sm3" /><ds:DigestValue>tEDCFAfTk7AolLeIy+1Hvsk3/IClPfgt4GlYXmgHy80=</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>VUAspkkkwgDKveFKowIXwzwhMqPF0GfklFtjWX4M0F8pr1QGXVr2ifxCtzo5kx/lyDTB805BCZpOZ94P7FTWWA==</ds:SignatureValue><ds:KeyInfo><ds:KeyName>0101</ds:KeyName><ds:X509Data><ds:X509Certificate>MIIBoTCCAUigAwIBAgICAQEwCgYIKoEcz1UBg3UwSTELMAkGA1UEBhMCQ04xFjAUBgNVBAoMDVNpbGtnYXRlIFRlc3QxIjAgBgNVBAMMGVNpbGtnYXRlIEtub3duIEFuc3dlciBTTTIwHhcNMjQwMTAxMDAwMDAwWhcNNDQwMTAxMDAwMDAwWjBJMQswCQYDVQQGEwJDTjEWMBQGA1UECgwNU2lsa2dhdGUgVGVzdDEiMCAGA1UEAwwZU2lsa2dhdGUgS25vd24gQW5zd2VyIFNNMjBZMBMGByqGSM49AgEGCCqBHM9VAYItA0IABGiBGTX6Vr7+UWLVtfl2I3qPnU/Zcbzk6f1OcPns2bUS13l3500OEM1mfj2yYBYzJXgrpPkbtWeOrhnuXaBdLeCjIDAeMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgbAMAoGCCqBHM9VAYN1A0cAMEQCICZTJ27QrpnHoivdWb9lRh8uNcVuvssF+scPc2xGFgFbAiAWvkkol8EIOXOh14fbeyxsoYMqLcR/oTJtbZsiKpcdLw==</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature><ExtendMessage><name>ext</name><version>1.0</version><Message>y</Message></ExtendMessage>
        </CEB303Message>
        """;

    /// <summary>DXP envelope signed with RSA-SHA1.</summary>
    public const string RsaDxpEnvelope = """
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
        <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" /><ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1" /><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature" /></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1" /><ds:DigestValue>9uMcY0bdu7RZvpX5bPN+TRbsZ6I=</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>RorwOFtBoAgOnq6lGf30M3FgCFMHvxHb1mFZkHKoeA22Q40lTOr88VMDV2k1Ez6klXmAWqkzSGgNJv8yABPHHs2mS8TFdB/5FIbVV/fnHfC6gvBUGlffYfJIcry6RON9I30YOkYPTL3A8iSwDLCyDaJfL2s4DUCygFHbbEvxcfk7x9y7RY/o6KMdTp9bOtWUp0ZxYiz5cHRiywiX2AEEC6cQn/8YO8OxLgESzxUGkHMuDzqPFiPHM6LQS4Ze2adxRTf2fBQdbYqlu9T88XyRcFJxt4sJK5sE0acGHcXrPbQ7u7taL+p4po8bZNTRHYXHIH8KqOjgR3xjnhajyb7z7g==</ds:SignatureValue><ds:KeyInfo><ds:KeyName>0102</ds:KeyName><ds:X509Data><ds:X509Certificate>MIIDLjCCAhagAwIBAgICAQIwDQYJKoZIhvcNAQELBQAwSTELMAkGA1UEBhMCQ04xFjAUBgNVBAoMDVNpbGtnYXRlIFRlc3QxIjAgBgNVBAMMGVNpbGtnYXRlIEtub3duIEFuc3dlciBSU0EwHhcNMjQwMTAxMDAwMDAwWhcNNDQwMTAxMDAwMDAwWjBJMQswCQYDVQQGEwJDTjEWMBQGA1UECgwNU2lsa2dhdGUgVGVzdDEiMCAGA1UEAwwZU2lsa2dhdGUgS25vd24gQW5zd2VyIFJTQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAK9diRMTRQEs7qtbnnTyYPCqEnRPvqvhy4ySdT2FmYgiwaxpjqdcqx84nJHJkMB1bt9fISGEwuMqrWMm5VRZWTyC7sCcxLlPcpGRn7crPn6hGXLgAp8NlgDr5KIAiv0g3mJWoM/kN+Zz4xJVcmtXvg7aqhzC72bNDwYyyKySfYX6uPGc08T/ya4wp/cUqu8vV3kigEWe64PEQ4MLF8PfDyO3ERCs0lb3gKjzBv6FPAeVHeCsGXY/U5cqfZ+RuaHKNhn2UX7N8fghUjXwWLLEtkZkuYIpwngm54mFIgzI6HyqirpjXwemtGxGVTRiCxwg4Chef9taGcMfgKwqN5SeQVkCAwEAAaMgMB4wDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCBsAwDQYJKoZIhvcNAQELBQADggEBABkuFgDZLV+nPS7zHRR7ONCZ7U5SJi0MLMucU/w5xqXed2onRiZnsuRcZsNbyo83OUznzq+5U9iwmpT6T2FuQCyeB/RQryYOPEcoefzihn0bKv81YpJ6yISl0Xesf2F/Yn8JTUjUrRXJUYAxzstekwkNa6oVIh7B+K6E+qiWpk81JMLPykg4zaFO9A+9/hoonkmtNXJOT76N7J5dgmo6AI7bdumXVpf721MQ8eo7SIrKqID5c9IOBheKcLh8q/h50y21dj7rVGVfb46990wKUjT26/d3ANgcp4isl8tNKu22b7QwHIh+M9Ti1pqMCK7CmKmBy1E+in1p8vdU8HwjW8k=</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></dxp:DxpMsg>
        """;
}
