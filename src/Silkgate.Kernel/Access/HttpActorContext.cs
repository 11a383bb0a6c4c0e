using Microsoft.AspNetCore.Http;

namespace Silkgate.Kernel.Access;

/// <summary>The actor of the current HTTP request, from the claims that authentication put on it.</summary>
public sealed class HttpActorContext(IHttpContextAccessor accessor) : IActorContext
{
    public Actor? Current => ActorClaims.FromPrincipal(accessor.HttpContext?.User);

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
