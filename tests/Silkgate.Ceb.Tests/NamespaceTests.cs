namespace Silkgate.Ceb.Tests;

public class NamespaceTests
{
    [Fact]
    public void Ceb_namespace_is_the_customs_one() => Assert.Equal("http://www.chinaport.gov.cn/ceb", CebNamespaces.Ceb);
}
