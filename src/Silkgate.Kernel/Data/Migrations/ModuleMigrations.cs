using System.Reflection;

namespace Silkgate.Kernel.Data.Migrations;

/// <summary>
/// A module's schema history: SQL scripts embedded as <c>migrations/NNNN_name.sql</c>, optionally with
/// <c>NNNN_name.sqlite.sql</c> / <c>NNNN_name.postgres.sql</c> variants where the dialects differ.
/// </summary>
public sealed record ModuleMigrations(string Module, Assembly Assembly);
