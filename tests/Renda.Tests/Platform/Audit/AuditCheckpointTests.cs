using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renda.Tests.Infrastructure;
using Renda.Web.Data;
using Renda.Web.Platform.Audit;

namespace Renda.Tests.Platform.Audit;

/// <summary>Done as someone with the database would: triggers off, then SQL; and the `renda` command run as a real process.</summary>
public abstract class AuditTamperingBase(RendaApp app, string[] cliOptions)
{
    protected RendaApp App => app;
    protected string CheckpointFile => Path.Combine(app.DataDir, "audit", AuditCheckpoints.FileName);

    protected async Task TamperAsync(string sql)
    {
        await using var scope = app.Db();
        var db = scope.Context;
        // The test's own fixed SQL, nothing from outside: raw SQL is the point here.
        var script = db.Provider == DatabaseProvider.Postgres
            ? $"ALTER TABLE \"AuditRecords\" DISABLE TRIGGER USER; {sql}; ALTER TABLE \"AuditRecords\" ENABLE TRIGGER USER;"
            : $"DROP TRIGGER IF EXISTS \"AuditRecords_no_update\"; DROP TRIGGER IF EXISTS \"AuditRecords_no_delete\"; {sql};";
        await db.Database.ExecuteSqlRawAsync(script);
    }

    protected async Task<long> HeadAsync()
    {
        await using var scope = app.Db();
        return await scope.Context.AuditRecords.MaxAsync(r => r.Sequence);
    }

    protected async Task<(int ExitCode, string Output)> VerifyAuditAsync(params string[] options)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "renda")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in options.Prepend("verify-audit").Concat(cliOptions)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    protected static string[] Cli(RendaApp app, DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? ["--Database:Provider=Sqlite", $"--ConnectionStrings:Renda=Data Source={Path.Combine(app.DataDir, "renda.db")}", $"--Renda:DataDir={app.DataDir}"]
        : ["--Database:Provider=Postgres", $"--ConnectionStrings:Renda={app.ConnectionStringForTools}", $"--Renda:DataDir={app.DataDir}"];
}

/// <summary>
/// The hash chain alone cannot show a cut tail: what remains still links up. The signed checkpoints can (decision 0021).
/// One scenario per database, as it cuts the chain for good.
/// </summary>
public abstract class AuditTruncationTests(RendaApp app, string[] cliOptions) : AuditTamperingBase(app, cliOptions)
{
    [Fact]
    public async Task Cutting_the_newest_records_is_named_against_the_checkpoint_also_after_new_records_follow()
    {
        var copyDir = Directory.CreateTempSubdirectory("renda-checkpoint-copy-").FullName;
        var copy = $"--Renda:Audit:CheckpointCopyDir={copyDir}";
        await App.ApiClientAsync("zhuren");
        await App.ApiClientAsync("zhuren");
        var head = await HeadAsync();
        var (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(0, output);
        output.ShouldContain("审计链完整");
        output.ShouldContain($"已写入检查点：序号 {head}。");
        File.ReadAllLines(Path.Combine(copyDir, AuditCheckpoints.FileName)).Last().ShouldContain($"\"sequence\":{head},");
        File.Exists(Path.Combine(copyDir, AuditCheckpoints.PublicKeyFile)).ShouldBeTrue();

        await TamperAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {head}");
        (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(1, output);
        output.ShouldContain($"审计链在序号 {head - 1} 之后被截断：检查点记录到序号 {head}（哈希 ");

        await TamperAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" > {head - 6}");
        (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(1, output);
        output.ShouldContain($"审计链在序号 {head - 6} 之后被截断：检查点记录到序号 {head}（哈希 ");
        output.ShouldContain($"序号 {head - 5} 至 {head} 的记录已不存在");

        // New records continue from the cut tail, so the records now numbered like the cut ones are others, with other hashes:
        // the first checkpoint among the cut ones (the writer's at start may be one, besides the verification's at `head`) names it.
        var rewritten = File.ReadAllLines(CheckpointFile)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("sequence").GetInt64()).Where(q => q > head - 6).Min();
        var auditor = await App.ApiClientAsync("auditadmin");
        while (await HeadAsync() < head + 2)
            await App.ApiClientAsync("zhuren");
        var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).ShouldBeOkJsonAsync();
        verify.GetProperty("intact").GetBoolean().ShouldBeFalse(verify.ToString());
        verify.GetProperty("firstBadSequence").GetInt64().ShouldBe(rewritten);
        verify.GetProperty("message").GetString()!.ShouldContain($"之后被截断并重写：检查点记录到序号 {rewritten}（哈希 ");
        (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(1, output);
        output.ShouldContain($"之后被截断并重写：检查点记录到序号 {rewritten}（哈希 ");

        // The background writer anchors the new head; that does not hide the cut, as every checkpoint is compared.
        (await App.Services.GetRequiredService<AuditCheckpointWriter>().RunOnceAsync()).Written.ShouldNotBeNull();
        (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(1, output);
        output.ShouldContain($"检查点记录到序号 {rewritten}（哈希 ");

        // Someone who can also write the data folder removes its checkpoint file: alone, it then shows nothing
        // (this is why the copy place exists), but the copy still names the cut.
        File.Delete(CheckpointFile);
        (exit, output) = await VerifyAuditAsync();
        exit.ShouldBe(0, output);
        output.ShouldContain("尚无检查点");
        (exit, output) = await VerifyAuditAsync(copy);
        exit.ShouldBe(1, output);
        output.ShouldContain($"之后被截断并重写：检查点记录到序号 {head}（哈希 ");
    }
}

public sealed class AuditTruncationTests_Sqlite(SqliteApp app) : AuditTruncationTests(app, Cli(app, DatabaseProvider.Sqlite)), IClassFixture<SqliteApp>;
public sealed class AuditTruncationTests_Postgres(PostgresApp app) : AuditTruncationTests(app, Cli(app, DatabaseProvider.Postgres)), IClassFixture<PostgresApp>;

/// <summary>The checkpoint file and stored values that no record can have; each test puts back what it changed.</summary>
public abstract class AuditCheckpointTests(RendaApp app, string[] cliOptions) : AuditTamperingBase(app, cliOptions)
{
    [Fact]
    public async Task The_writer_anchors_only_a_moved_head_and_a_forged_checkpoint_line_is_named()
    {
        var writer = App.Services.GetRequiredService<AuditCheckpointWriter>();
        await App.ApiClientAsync("zhuren");
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var first = await writer.RunOnceAsync();
        var head = await HeadAsync();
        first.Written.ShouldNotBeNull(first.Note);
        first.Written.Sequence.ShouldBe(head);
        DateTimeOffset.Parse(first.Written.Time, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(App.Clock.GetUtcNow());
        (await writer.RunOnceAsync()).Written.ShouldBeNull("the head did not move");

        var keys = Path.Combine(App.DataDir, "keys");
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Path.Combine(keys, AuditCheckpoints.PrivateKeyFile)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(Path.Combine(keys, AuditCheckpoints.PublicKeyFile)).ShouldStartWith("-----BEGIN PUBLIC KEY-----");

        // A verifier given only the public key checks every line but cannot write one.
        var verifierDir = Directory.CreateTempSubdirectory("renda-verifier-").FullName;
        Directory.CreateDirectory(Path.Combine(verifierDir, "keys"));
        Directory.CreateDirectory(Path.Combine(verifierDir, "audit"));
        File.Copy(Path.Combine(keys, AuditCheckpoints.PublicKeyFile), Path.Combine(verifierDir, "keys", AuditCheckpoints.PublicKeyFile));
        File.Copy(CheckpointFile, Path.Combine(verifierDir, "audit", AuditCheckpoints.FileName));
        using (var verifier = new AuditCheckpoints(verifierDir, null, App.Clock))
        {
            verifier.ReadAll().ShouldAllBe(l => l.Checkpoint != null && l.Fault == null);
            verifier.ReadAll().ShouldContain(l => l.Checkpoint!.Sequence == head);
            var refused = await verifier.AppendAsync(head + 1, new string('a', 64));
            refused.Written.ShouldBeNull();
            refused.Note.ShouldContain("缺少私钥");
        }

        // A line claiming a longer chain, with a signature copied from a real line: named, and not trusted.
        var lines = File.ReadAllLines(CheckpointFile);
        File.AppendAllText(CheckpointFile, lines[^1].Replace($"\"sequence\":{head},", $"\"sequence\":{head + 1000},", StringComparison.Ordinal) + "\n");
        var (exit, output) = await VerifyAuditAsync();
        exit.ShouldBe(1, output);
        output.ShouldContain($"第 {lines.Length + 1} 行签名无效");
        output.ShouldNotContain("被截断");

        // Once the operator has looked into it and removed the line, the chain verifies again.
        File.WriteAllLines(CheckpointFile, lines);
        (exit, output) = await VerifyAuditAsync();
        exit.ShouldBe(0, output);
        output.ShouldContain($"与检查点一致（最新检查点：序号 {head}");
    }

    [Fact]
    public async Task A_stored_value_no_record_can_have_is_named_by_its_sequence_instead_of_crashing()
    {
        await App.ApiClientAsync("zhuren");
        var target = await HeadAsync() - 1;
        string original;
        await using (var scope = App.Db())
            original = (await scope.Context.AuditRecords.Where(r => r.Sequence == target).Select(r => r.Outcome).FirstAsync()).ToString();
        var auditor = await App.ApiClientAsync("auditadmin");
        foreach (var invalid in new[] { "7", "Bogus" })
        {
            await TamperAsync($"UPDATE \"AuditRecords\" SET \"Outcome\" = '{invalid}' WHERE \"Sequence\" = {target}");
            var (exit, output) = await VerifyAuditAsync();
            exit.ShouldBe(1, output);
            output.ShouldContain($"序号 {target} 的记录含无效的值");
            output.ShouldNotContain("Exception:");

            var verify = await (await auditor.PostAsync("/api/v1/audit/verify", null)).ShouldBeOkJsonAsync();
            verify.GetProperty("intact").GetBoolean().ShouldBeFalse(verify.ToString());
            verify.GetProperty("firstBadSequence").GetInt64().ShouldBe(target);
        }
        await TamperAsync($"UPDATE \"AuditRecords\" SET \"Outcome\" = '{original}' WHERE \"Sequence\" = {target}");
        var (okExit, okOutput) = await VerifyAuditAsync();
        okExit.ShouldBe(0, okOutput);
    }
}

public sealed class AuditCheckpointTests_Sqlite(SqliteApp app) : AuditCheckpointTests(app, Cli(app, DatabaseProvider.Sqlite)), IClassFixture<SqliteApp>;
public sealed class AuditCheckpointTests_Postgres(PostgresApp app) : AuditCheckpointTests(app, Cli(app, DatabaseProvider.Postgres)), IClassFixture<PostgresApp>;
