using Silkgate.Kernel.Data;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.Server.Hosting;

/// <summary>Services every Silkgate process needs, web host and command-line tool alike.</summary>
public static class PlatformServices
{
    /// <summary>Registers configuration, the database, the migrator and every module's services.</summary>
    public static IServiceCollection AddSilkgatePlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection(PlatformOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddScoped<DbSession>();
        services.AddSingleton<Migrator>();
        foreach (var module in PlatformModules.All)
        {
            services.AddSingleton(module.Migrations);
            module.AddServices(services, configuration);
        }

        return services;
    }

    /// <summary>Applies pending migrations, then (in demo mode) seeds the demo data.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool seedDemo, CancellationToken ct)
    {
        await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        if (!seedDemo)
        {
            return;
        }

        // Seeders are scoped services sharing one unit of work; register them as IDemoSeeder.
        await using var scope = services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(ct);
        }
    }
}
