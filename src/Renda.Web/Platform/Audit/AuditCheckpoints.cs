using System.Globalization;
using System.Text;
using System.Text.Json;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace Renda.Web.Platform.Audit;

/// <summary>
/// The chain's head as it was at <see cref="Time"/>, signed (SM2 with SM3) with a key that is not in the database.
/// <see cref="Time"/> is kept as the text that was signed, so no reformatting can break the signature.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, string Time, string Signature)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string SignedText => string.Create(CultureInfo.InvariantCulture, $"renda-audit-checkpoint|{Sequence}|{Hash}|{Time}");

    /// <summary>For messages: the time in Beijing, where the office reads it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string LocalTime => DateTimeOffset.TryParse(Time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
        ? t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）"
        : Time;
}

/// <summary>One line of a checkpoint file as read back: the checkpoint, or why it cannot be trusted.</summary>
public sealed record AuditCheckpointLine(string File, int LineNumber, AuditCheckpoint? Checkpoint, string? Fault);

/// <summary>What a request to write a checkpoint did.</summary>
public sealed record AuditCheckpointWrite(AuditCheckpoint? Written, string Note);

/// <summary>
/// Anchors the audit chain's head outside the database (decision 0021): the hash chain alone shows an edited or
/// missing record in the middle, but not a cut tail, since the remaining records still link up. A checkpoint line
/// — sequence, hash, time, SM2 signature — is appended to <c>&lt;DataDir&gt;/audit/checkpoints.log</c> and, when
/// Renda:Audit:CheckpointCopyDir is set, to the same file there. Files are only ever opened for appending.
/// The private key is <c>&lt;DataDir&gt;/keys/audit-checkpoint.key</c> (mode 600, drawn at first start); the public
/// key beside it (and in the copy place) lets anyone check the lines without being able to write new ones.
/// </summary>
public sealed class AuditCheckpoints : IDisposable
{
    public const string FileName = "checkpoints.log";
    public const string PrivateKeyFile = "audit-checkpoint.key";
    public const string PublicKeyFile = "audit-checkpoint.pub";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ECPrivateKeyParameters? _private;
    private readonly ECPublicKeyParameters _public;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>The head this process last anchored (or found last in the file): an unmoved head is not written again.</summary>
    private (long Sequence, string Hash)? _last;
    private bool _lastRead;

    public AuditCheckpoints(string dataDir, string? copyDir, TimeProvider clock)
    {
        _clock = clock;
        Primary = Path.Combine(dataDir, "audit", FileName);
        Copy = string.IsNullOrWhiteSpace(copyDir) ? null : Path.Combine(copyDir, FileName);
        (_private, _public) = LoadOrCreateKeys(Path.Combine(dataDir, "keys"));
        if (!string.IsNullOrWhiteSpace(copyDir))
            TryWriteOnce(Path.Combine(copyDir, PublicKeyFile), PublicPem(_public), secret: false);
    }

    public static AuditCheckpoints FromConfiguration(IConfiguration config, TimeProvider clock)
        => new(Database.DataDir(config), config["Renda:Audit:CheckpointCopyDir"], clock);

    public string Primary { get; }
    public string? Copy { get; }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Appends a checkpoint of the head (<paramref name="sequence"/>, <paramref name="hash"/>) unless it is the one last
    /// anchored. A copy place that cannot be written is said in the note, not thrown: the primary line is written.
    /// </summary>
    public async Task<AuditCheckpointWrite> AppendAsync(long sequence, string hash, CancellationToken ct = default)
    {
        if (sequence <= 0)
            return new(null, "审计链为空，未写入检查点。");
        if (_private is null)
            return new(null, $"缺少私钥 {PrivateKeyFile}，只能校验、不能写入检查点。");
        await _gate.WaitAsync(ct);
        try
        {
            if (!_lastRead)
            {
                _last = ReadFile(Primary).LastOrDefault(l => l.Checkpoint is not null)?.Checkpoint is { } c ? (c.Sequence, c.Hash) : null;
                _lastRead = true;
            }
            if (_last == (sequence, hash))
                return new(null, $"链头未变（序号 {sequence}），未写入新检查点。");
            var time = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
            var unsigned = new AuditCheckpoint(sequence, hash, time, "");
            var checkpoint = unsigned with { Signature = Convert.ToBase64String(Sign(unsigned.SignedText)) };
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(checkpoint, Json) + "\n");
            await AppendLineAsync(Primary, line, ct);
            _last = (sequence, hash);
            var note = $"已写入检查点：序号 {sequence}。";
            if (Copy is not null)
                try
                {
                    await AppendLineAsync(Copy, line, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    note += $"未能写入副本 {Copy}：{e.Message}";
                }
            return new(checkpoint, note);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every line of both files, each with its signature checked.</summary>
    public List<AuditCheckpointLine> ReadAll()
    {
        var lines = ReadFile(Primary);
        if (Copy is not null)
            lines.AddRange(ReadFile(Copy));
        return lines;
    }

    private List<AuditCheckpointLine> ReadFile(string path)
    {
        var result = new List<AuditCheckpointLine>();
        if (!File.Exists(path))
            return result;
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Length == 0)
                continue;
            AuditCheckpoint? c;
            try
            {
                c = JsonSerializer.Deserialize<AuditCheckpoint>(text, Json);
            }
            catch (JsonException)
            {
                c = null;
            }
            if (c is null || c.Hash is null || c.Time is null || c.Signature is null)
                result.Add(new(path, number, null, "无法解读"));
            else if (!Verify(c))
                result.Add(new(path, number, null, "签名无效"));
            else
                result.Add(new(path, number, c, null));
        }
        return result;
    }

    private static async Task AppendLineAsync(string path, byte[] line, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Append only: one write of one line, so instances writing at once interleave whole lines.
        await using var f = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await f.WriteAsync(line, ct);
        await f.FlushAsync(ct);
        f.Flush(flushToDisk: true);
    }

    private byte[] Sign(string text)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithRandom(_private!, new SecureRandom()));
        var bytes = Encoding.UTF8.GetBytes(text);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    private bool Verify(AuditCheckpoint c)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(c.Signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var signer = new SM2Signer();
        signer.Init(false, _public);
        var bytes = Encoding.UTF8.GetBytes(c.SignedText);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or CryptoException)
        {
            return false; // not even a DER signature
        }
    }

    /// <summary>
    /// The private key, drawn the first time (an SM2 key pair on sm2p256v1, PKCS#8 PEM). Without it but with the public
    /// key — a verifier given only the public key — checkpoints are read and checked, not written: a fresh key would
    /// make every existing line fail its check.
    /// </summary>
    private static (ECPrivateKeyParameters?, ECPublicKeyParameters) LoadOrCreateKeys(string dir)
    {
        var privatePath = Path.Combine(dir, PrivateKeyFile);
        var publicPath = Path.Combine(dir, PublicKeyFile);
        if (!File.Exists(privatePath) && File.Exists(publicPath))
            return (null, (ECPublicKeyParameters)ReadPem(publicPath));
        if (!File.Exists(privatePath))
        {
            var generator = new ECKeyPairGenerator();
            generator.Init(new ECKeyGenerationParameters(GMObjectIdentifiers.sm2p256v1, new SecureRandom()));
            var pair = generator.GenerateKeyPair();
            using var text = new StringWriter();
            new PemWriter(text).WriteObject(new Pkcs8Generator(pair.Private));
            // CreateNew: of two instances starting together, the second reads what the first wrote.
            TryWriteOnce(privatePath, text.ToString(), secret: true);
        }
        var key = (ECPrivateKeyParameters)ReadPem(privatePath);
        var q = key.Parameters.G.Multiply(key.D).Normalize();
        var publicKey = key.PublicKeyParamSet is { } curve ? new ECPublicKeyParameters("EC", q, curve) : new ECPublicKeyParameters(q, key.Parameters);
        TryWriteOnce(publicPath, PublicPem(publicKey), secret: false);
        return (key, publicKey);
    }

    private static string PublicPem(ECPublicKeyParameters key)
    {
        using var text = new StringWriter();
        new PemWriter(text).WriteObject(key);
        return text.ToString();
    }

    private static AsymmetricKeyParameter ReadPem(string path)
    {
        using var reader = File.OpenText(path);
        return new PemReader(reader).ReadObject() switch
        {
            AsymmetricKeyParameter k => k,
            AsymmetricCipherKeyPair p => p.Private,
            _ => throw new InvalidOperationException($"The key file {path} holds no SM2 key; remove it to have a new pair drawn (existing checkpoints will then fail their check)."),
        };
    }

    private static void TryWriteOnce(string path, string content, bool secret)
    {
        if (File.Exists(path))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        try
        {
            using var f = new StreamWriter(new FileStream(path, options));
            f.Write(content);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }
}

/// <summary>
/// Anchors the head every Renda:Audit:CheckpointMinutes (default 10; 0 switches the timer off) on the injected clock,
/// and once at start. Records appended after the last checkpoint are what a database owner can still drop unseen.
/// </summary>
public sealed class AuditCheckpointWriter(IServiceScopeFactory scopes, AuditCheckpoints checkpoints, TimeProvider clock, IConfiguration config, ILogger<AuditCheckpointWriter> logger)
    : Web.PeriodicCheck(clock, config, logger)
{
    protected override string IntervalKey => "Renda:Audit:CheckpointMinutes";
    protected override int DefaultMinutes => 10;

    protected override async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var result = await RunOnceAsync(ct);
        if (result.Written is null && result.Note.StartsWith("缺少私钥", StringComparison.Ordinal))
            logger.LogWarning("Audit checkpoint not written: {Note}", result.Note);
    }

    /// <summary>Anchors the current head if it moved since the last checkpoint.</summary>
    public async Task<AuditCheckpointWrite> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RendaDbContext>();
        var head = await db.AuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? new(null, "审计链为空，未写入检查点。") : await checkpoints.AppendAsync(head.Sequence, head.Hash, ct);
    }
}

public static class AuditServices
{
    public static IServiceCollection AddRendaAudit(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => AuditCheckpoints.FromConfiguration(config, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditCheckpointWriter>());
        return services;
    }
}
