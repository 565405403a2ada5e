namespace Renda.Web.Features.Laws;

/// <summary>The module's table, added to the one model by RendaDbContext. Articles live in the derived index (<see cref="LawIndex"/>).</summary>
public static class LawsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Law>(e =>
        {
            e.ToTable("Laws");
            e.HasIndex(l => l.SourcePath).IsUnique();
            e.HasIndex(l => new { l.WorkKey, l.VersionDate });
            e.HasIndex(l => new { l.Category, l.VersionDate });
            e.HasIndex(l => l.VersionDate);
            // No foreign key: with the text split off, EF would point it at "LawSources"; the import links versions itself.
            e.HasIndex(l => l.SupersededById);
            // A congress's regulations (its site's 法规库, the home's latest); one law per promulgated bill.
            e.HasIndex(l => new { l.CongressId, l.VersionDate });
            e.HasIndex(l => l.BillId).IsUnique();
            // The source text (up to a few hundred KB per law) lives in a table of its own: lists, filters and the search
            // join read "Laws" rows, and SQLite would otherwise read every text's pages to sort a list.
            e.SplitToTable("LawSources", t => t.Property(l => l.Source));
        });
    }
}
