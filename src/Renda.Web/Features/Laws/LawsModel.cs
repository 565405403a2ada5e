using Microsoft.EntityFrameworkCore;

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
            e.HasOne<Law>().WithMany().HasForeignKey(l => l.SupersededById).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
