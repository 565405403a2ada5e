namespace Renda.Web.Platform.Modules;

/// <summary>
/// A document a congress must file with the congress above it within 30 days of promulgation
/// (立法法 第一百零九条; 监督法 第三十八条): the legislation module hands it over, the filing and
/// review module of the upper congress receives it. The same platform serves both levels, so the
/// hand-over is a call, not a message.
/// </summary>
public sealed record UpwardFiling(
    int FromCongressId,
    int ToCongressId,
    string Title,
    string? DocumentNumber,
    string IssuingOrgan,
    DateOnly PublishedOn,
    string Text,
    string SourceType,
    int SourceId,
    int? AttachmentId);

/// <summary>Implemented by the filing and review module; absent until that module is registered.</summary>
public interface IUpwardFilingReceiver
{
    /// <summary>Records the filing in the upper congress's filing work (same transaction as the caller's save) and returns its id.</summary>
    Task<int> ReceiveAsync(RendaDbContext db, UpwardFiling filing, CancellationToken ct);
}
