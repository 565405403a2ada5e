using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Renda.Web.Data;

/// <summary>
/// The last line behind <see cref="RequestValidation"/>: whatever path a value comes by (an endpoint, a form, an import,
/// a background job), no text with control characters, no date outside 1900–2200 and no enum value that is not a member (an unset one: enums start at 1) is stored. Such a value is a
/// caller's mistake, refused as Invalid (400) naming the field, and the save writes nothing.
/// </summary>
public static class StoredValues
{
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(2200, 12, 31);

    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var p in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !p.IsModified) continue;
                var problem = p.CurrentValue switch
                {
                    string s when RequestValidation.HasControlCharacter(s) => RequestValidation.ControlCharacterMessage,
                    DateOnly d when d < Earliest || d > Latest => $"日期 {d:yyyy-MM-dd} 不在合理范围内。",
                    DateTime t when t != default && (DateOnly.FromDateTime(t) < Earliest || DateOnly.FromDateTime(t) > Latest) => $"时间 {t:yyyy-MM-dd} 不在合理范围内。",
                    Enum e when !Enum.IsDefined(e.GetType(), e) => "请选择一项。",
                    _ => null,
                };
                if (problem is not null)
                    throw DomainException.Invalid(JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), problem);
            }
        }
    }
}
