using Microsoft.AspNetCore.Mvc.Testing;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.RefData.Tests.Api;

internal static class ActorClients
{
    /// <summary>A client acting as <paramref name="actor"/>, or an anonymous one for null.</summary>
    public static HttpClient ClientAs(this WebApplicationFactory<Program> factory, Actor? actor)
    {
        var client = factory.CreateClient();
        if (actor is not null)
        {
            client.DefaultRequestHeaders.Add(TestActorHandler.Header, TestActorHandler.Encode(actor));
        }

        return client;
    }
}

internal static class Actors
{
    public static readonly Actor ZoneAdmin = new(11, "湖州管理员", Role.ZoneAdmin, "330000", "330500");
    public static readonly Actor ProvinceAdmin = new(12, "省管理员", Role.ProvinceAdmin, "330000");
    public static readonly Actor EnterpriseUser = new(13, "企业用户", Role.EnterpriseUser, "330000", "330500", EnterpriseId: 7);
}
