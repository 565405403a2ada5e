using Renda.Web.Platform.Cli;

namespace Renda.Web.Features.Laws;

/// <summary><c>renda reindex-laws</c>: rebuilds the laws' article index from their stored text.</summary>
public sealed class ReindexLawsCommand : ICommandLineCommand
{
    public string Name => "reindex-laws";

    public string Usage => "rebuild the laws' article index from their stored text";

    public async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var db = services.GetRequiredService<RendaDbContext>();
        await Database.MigrateAsync(db);
        Console.WriteLine($"reindexed {await LawImport.ReindexAsync(db)} laws");
        return 0;
    }
}
