using Dapper;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>Writes and loads registrations (enterprise, roles, contacts, history) within the session's transaction.</summary>
internal sealed class EnterpriseStore(DbSession session)
{
    public async Task<EnterpriseDetails?> LoadAsync(string province, long id, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<EnterpriseRow>(new CommandDefinition(
            """
            SELECT id AS Id, uscc AS Uscc, customs_code AS CustomsCode, name_zh AS NameZh, name_en AS NameEn, zone_code AS ZoneCode,
                   district_code AS DistrictCode, park_id AS ParkId, address AS Address, legal_representative AS LegalRepresentative,
                   registered_capital AS RegisteredCapital, status AS Status, status_reason AS StatusReason,
                   submitted_at AS SubmittedAt, updated_at AS UpdatedAt
            FROM registry_enterprises WHERE id = @id AND province_code = @province
            """, new { id, province }, session.Transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var roles = await RolesAsync([id], ct);
        var contacts = await c.QueryAsync<Contact>(new CommandDefinition(
            "SELECT name AS Name, phone AS Phone, email AS Email, title AS Title FROM registry_enterprise_contacts WHERE enterprise_id = @id ORDER BY position",
            new { id }, session.Transaction, cancellationToken: ct));
        return new EnterpriseDetails(row.Id, row.Uscc, row.CustomsCode, row.NameZh, row.NameEn, roles.GetValueOrDefault(id, []),
            row.ZoneCode, row.DistrictCode, row.ParkId, row.Address, row.LegalRepresentative,
            row.RegisteredCapital is { } capital ? new Amount(capital).ToDecimal() : null, contacts.AsList(),
            Enum.Parse<EnterpriseStatus>(row.Status), row.StatusReason,
            DateTimeOffset.FromUnixTimeMilliseconds(row.SubmittedAt), DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    public async Task<Dictionary<long, IReadOnlyList<EnterpriseRole>>> RolesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<(long EnterpriseId, string Role)>(new CommandDefinition(
            // Npgsql takes the list as an array parameter; Dapper expands it into a list for SQLite.
            $"SELECT enterprise_id, role FROM registry_enterprise_roles WHERE enterprise_id {(session.Dialect.IsPostgres ? "= ANY(@ids)" : "IN @ids")}",
            new { ids = ids.ToArray() }, session.Transaction, cancellationToken: ct));
        return rows.GroupBy(r => r.EnterpriseId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<EnterpriseRole>)g.Select(r => Enum.Parse<EnterpriseRole>(r.Role)).Order().ToList());
    }

    /// <summary>The fields whose code another live (not rejected) registration of the province already holds.</summary>
    public async Task<IReadOnlyList<string>> TakenCodesAsync(string province, ValidEnterprise e, long? exceptId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var args = new { province, Uscc = e.Uscc.Value, CustomsCode = e.CustomsCode.Value, exceptId = exceptId ?? 0 };
        var taken = new List<string>();
        if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM registry_enterprises WHERE province_code = @province AND uscc = @Uscc AND status <> 'Rejected' AND id <> @exceptId",
            args, session.Transaction, cancellationToken: ct)) > 0)
        {
            taken.Add("uscc");
        }

        if (await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM registry_enterprises WHERE province_code = @province AND customs_code = @CustomsCode AND status <> 'Rejected' AND id <> @exceptId",
            args, session.Transaction, cancellationToken: ct)) > 0)
        {
            taken.Add("customsCode");
        }

        return taken;
    }

    public async Task<long> InsertAsync(string province, ValidEnterprise e, long submittedBy, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO registry_enterprises (province_code, uscc, customs_code, name_zh, name_en, zone_code, district_code, park_id, address,
                legal_representative, registered_capital, status, status_reason, submitted_by, submitted_at, updated_at)
            VALUES (@province, @Uscc, @CustomsCode, @NameZh, @NameEn, @ZoneCode, @DistrictCode, @ParkId, @Address,
                @LegalRepresentative, @RegisteredCapital, 'Submitted', NULL, @submittedBy, @at, @at)
            RETURNING id
            """, Columns(e, new { province, submittedBy, at }), session.Transaction, cancellationToken: ct));
        await ReplaceDetailsAsync(id, e, ct);
        return id;
    }

    public async Task UpdateAsync(long id, ValidEnterprise e, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE registry_enterprises SET uscc = @Uscc, customs_code = @CustomsCode, name_zh = @NameZh, name_en = @NameEn, zone_code = @ZoneCode,
                district_code = @DistrictCode, park_id = @ParkId, address = @Address, legal_representative = @LegalRepresentative,
                registered_capital = @RegisteredCapital, updated_at = @at
            WHERE id = @id
            """, Columns(e, new { id, at }), session.Transaction, cancellationToken: ct));
        await ReplaceDetailsAsync(id, e, ct);
    }

    /// <summary>Moves the registration from <paramref name="expected"/> to <paramref name="status"/>; false when another change came first.</summary>
    public async Task<bool> SetStatusAsync(long id, EnterpriseStatus expected, EnterpriseStatus status, string? reason, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "UPDATE registry_enterprises SET status = @Status, status_reason = @reason, updated_at = @at WHERE id = @id AND status = @Expected",
            new { id, Status = status.ToString(), Expected = expected.ToString(), reason, at }, session.Transaction, cancellationToken: ct)) == 1;
    }

    private async Task ReplaceDetailsAsync(long id, ValidEnterprise e, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var t = session.Transaction;
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM registry_enterprise_roles WHERE enterprise_id = @id", new { id }, t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM registry_enterprise_contacts WHERE enterprise_id = @id", new { id }, t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO registry_enterprise_roles (enterprise_id, role) VALUES (@id, @Role)",
            e.Roles.Select(r => new { id, Role = r.ToString() }), t, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO registry_enterprise_contacts (enterprise_id, position, name, phone, email, title) VALUES (@id, @Position, @Name, @Phone, @Email, @Title)",
            e.Contacts.Select((k, i) => new { id, Position = (long)i, k.Name, k.Phone, k.Email, k.Title }), t, cancellationToken: ct));
    }

    private static DynamicParameters Columns(ValidEnterprise e, object extra)
    {
        var p = new DynamicParameters(extra);
        p.AddDynamicParams(new
        {
            Uscc = e.Uscc.Value,
            CustomsCode = e.CustomsCode.Value,
            e.NameZh,
            e.NameEn,
            e.ZoneCode,
            e.DistrictCode,
            e.ParkId,
            e.Address,
            e.LegalRepresentative,
            RegisteredCapital = e.RegisteredCapital?.Units,
        });
        return p;
    }

    private sealed record EnterpriseRow(
        long Id, string Uscc, string CustomsCode, string NameZh, string? NameEn, string ZoneCode, string DistrictCode, long? ParkId,
        string Address, string LegalRepresentative, long? RegisteredCapital, string Status, string? StatusReason, long SubmittedAt, long UpdatedAt);
}
