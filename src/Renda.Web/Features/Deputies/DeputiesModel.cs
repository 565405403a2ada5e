namespace Renda.Web.Features.Deputies;

/// <summary>Tables of the deputies' work module (migrations 0023 onwards).</summary>
public static class DeputiesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DeputySettings>().ToTable("DeputySettings").HasIndex(s => s.CongressId).IsUnique();
    }
}
