using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Components;
using Silkgate.Server.Components.Account;

namespace Silkgate.Server.Hosting;

/// <summary>Builds the web host: API, portal, OpenAPI, health.</summary>
public static class WebHost
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
        if (args.Contains("--demo"))
        {
            builder.Configuration[$"{PlatformOptions.Section}:{nameof(PlatformOptions.Mode)}"] = nameof(PlatformMode.Demo);
        }

        builder.Configuration.AddEnvironmentVariables("SILKGATE_");

        // Serve the framework's and packages' static files from the build output too, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddSilkgatePlatform(builder.Configuration);
        services.AddHostedService<StartupPreparation>();
        // Demo mode: the customs sandbox answers the directory transport in-process (issue #5, C8).
        services.AddDemoCustomsSandbox(builder.Configuration);
        services.AddHostedService<Silkgate.Server.Demo.DemoWelcome>();
        services.AddProblemDetails();
        services.AddOpenApi("v1");
        services.AddAuthentication();
        services.AddAuthorization();
        var dataDirectory = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.ResolvedDataDirectory
            ?? new DatabaseOptions().ResolvedDataDirectory;
        // Sign-in cookies stay valid across restarts: the key ring lives with the data.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Silkgate");
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.AddLocalization();
        services.AddRazorComponents();
        services.AddHttpContextAccessor();
        services.AddScoped<IActorContext, HttpActorContext>();
        // Chinese pages stay readable as Chinese in the HTML instead of numeric character references.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    private static void Configure(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // Empty error answers: API callers get problem details; people get the portal's (localized) not-found page.
        // The API branch answers first (inner), so the re-execution to the not-found page sees only portal answers.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseRequestLocalization();
        app.UseMiddleware<JsonBodyLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Components.Clearance.UploadBodyLimit>();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapGet("/health", async (Database db, CancellationToken ct) =>
            await db.IsReachableAsync(ct)
                ? Results.Ok(new { status = "healthy" })
                : Results.Json(new { status = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("Health").WithTags("platform").AllowAnonymous();

        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http, TimeProvider time) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') ? returnUrl : "/");
        }).ExcludeFromDescription().AllowAnonymous();

        foreach (var module in PlatformModules.All)
        {
            var group = app.MapGroup(module.RoutePrefix).WithTags(module.Name);
            module.MapEndpoints(group);
        }

        app.MapAccountEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/reference";
            o.SwaggerEndpoint("/openapi/v1.json", "Silkgate API v1");
            o.DocumentTitle = "Silkgate API";
        });

        app.MapRazorComponents<App>();
    }
}
