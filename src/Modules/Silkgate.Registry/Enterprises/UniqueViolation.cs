using Microsoft.Data.Sqlite;
using Npgsql;

namespace Silkgate.Registry.Enterprises;

/// <summary>Recognises a unique-index violation on either database (a concurrent registration of the same code).</summary>
internal static class UniqueViolation
{
    public static bool Is(Exception e) => e is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
