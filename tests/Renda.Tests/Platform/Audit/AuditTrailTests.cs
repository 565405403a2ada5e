using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;

namespace Renda.Tests.Platform.Audit;

/// <summary>
/// Every change and sign-in event lands in the hash-chained trail through the DbContext; the
/// chain check (API, page and the `renda verify-audit` command) names the first altered or
/// missing record. Each test class gets its own database, so tampering here harms no other test.
/// </summary>
public abstract class AuditTrailTests(RendaApp app)
{
    [Fact]
    public async Task A_change_is_recorded_with_actor_fields_before_and_after_and_the_chain_verifies()
    {
        var security = await app.ApiClientAsync("secadmin");
        (await security.PutAsJsonAsync("/api/v1/security-policy", new
        {
            minPasswordLength = 12, minCharacterClasses = 3, passwordHistory = 5, passwordMaxAgeDays = 90,
            lockoutThreshold = 5, lockoutMinutes = 15, idleTimeoutMinutes = 30, apiTokenHours = 8,
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = app.Db();
        var record = await scope.Context.AuditRecords.Where(r => r.EntityType == "SecurityPolicy").OrderByDescending(r => r.Sequence).FirstAsync();
        record.ActorName.ShouldBe("secadmin");
        record.ActorRoles.ShouldBe("SecurityAdministrator");
        record.CongressCode.ShouldBe("632800");
        record.Action.ShouldBe("create");
        record.Changes!.ShouldContain("\"MinPasswordLength\":[null,12]");

        var auditor = await app.ApiClientAsync("auditadmin");
        var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).ShouldBeOkJsonAsync();
        verify.GetProperty("intact").GetBoolean().ShouldBeTrue(verify.ToString());
    }

    [Fact]
    public async Task Secrets_never_enter_the_trail()
    {
        await app.ApiClientAsync("daibiao");
        await using var scope = app.Db();
        var tokenRecords = await scope.Context.AuditRecords.Where(r => r.EntityType == "ApiToken").Select(r => r.Changes).ToListAsync();
        tokenRecords.ShouldNotBeEmpty();
        tokenRecords.ShouldAllBe(c => c!.Contains("\"TokenHash\":[null,\"***\"]"));
        (await scope.Context.AuditRecords.AnyAsync(r => r.Changes!.Contains("AQAAAA"))).ShouldBeFalse(); // no password hash
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_audit_record()
    {
        await using var scope = app.Db();
        await Should.ThrowAsync<Exception>(() => scope.Context.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Action\" = 'x' WHERE \"Sequence\" = 1"));
        await Should.ThrowAsync<Exception>(() => scope.Context.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 1"));
        (await scope.Context.AuditRecords.CountAsync(r => r.Sequence == 1 && r.Action != "x")).ShouldBe(1);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;
public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;

/// <summary>Tampering, done as someone with direct database access would: triggers off, then edit or delete.</summary>
public abstract class AuditTamperingTests(RendaApp app, string[] cliOptions) : AuditTamperingBase(app, cliOptions)
{
    [Fact]
    public async Task Verify_audit_names_an_altered_record_then_a_deleted_one()
    {
        // Activity to chain.
        await App.ApiClientAsync("zhuren");
        var (okExit, okOutput) = await VerifyAuditAsync();
        okExit.ShouldBe(0, okOutput);
        okOutput.ShouldContain("审计链完整");

        await using (var scope = App.Db())
        {
            var target = await scope.Context.AuditRecords.Where(r => r.Action == "login-failed" || r.Action == "token-issued").OrderBy(r => r.Sequence).Select(r => r.Sequence).FirstAsync();
            await TamperAsync($"UPDATE \"AuditRecords\" SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = {target}");
            var (exit, output) = await VerifyAuditAsync();
            exit.ShouldBe(1, output);
            output.ShouldContain($"序号 {target} 的内容已被修改");

            var auditor = await App.ApiClientAsync("auditadmin");
            var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).ShouldBeOkJsonAsync();
            verify.GetProperty("intact").GetBoolean().ShouldBeFalse();
            verify.GetProperty("firstBadSequence").GetInt64().ShouldBe(target);

            // Restore the name (hash matches again), then remove a record: the gap is named.
            await TamperAsync($"UPDATE \"AuditRecords\" SET \"ActorName\" = 'zhuren' WHERE \"Sequence\" = {target}");
            (await VerifyAuditAsync()).ExitCode.ShouldBe(0);
            await TamperAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = 10");
            var (gapExit, gapOutput) = await VerifyAuditAsync();
            gapExit.ShouldBe(1, gapOutput);
            gapOutput.ShouldContain("序号 10 至 10 不存在");
        }
    }
}

public sealed class AuditTamperingTests_Sqlite(SqliteApp app) : AuditTamperingTests(app, Cli(app, DatabaseProvider.Sqlite)), IClassFixture<SqliteApp>;
public sealed class AuditTamperingTests_Postgres(PostgresApp app) : AuditTamperingTests(app, Cli(app, DatabaseProvider.Postgres)), IClassFixture<PostgresApp>;
