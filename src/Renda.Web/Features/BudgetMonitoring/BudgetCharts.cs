using System.Text.Json;

namespace Renda.Web.Features.BudgetMonitoring;

/// <summary>
/// The chart data of a table, for wwwroot/js/budget.js (ECharts; the CSP forbids inline scripts, so the data rides in a
/// data-chart attribute): units ranked by execution rate against the time line, the functional tree as a treemap of payments,
/// the monthly cumulative rate against the time line.
/// </summary>
public static class BudgetCharts
{
    private sealed record Node(string Name, decimal Value, string? Link, List<Node> Children);

    public static string Json(BudgetTable t) => t.View switch
    {
        BudgetView.Units => Units(t),
        BudgetView.Functions => Treemap(t),
        BudgetView.Months => Months(t),
        _ => "{}",
    };

    private static string Units(BudgetTable t)
    {
        var rows = t.Rows.Where(r => !r.Total).Select(r => new { Name = (string)r.Cells[t.Column("unit")]!, Rate = (decimal?)r.Cells[t.Column("rate")] ?? 0m })
            .OrderByDescending(r => r.Rate).ToList();
        return JsonSerializer.Serialize(new { names = rows.Select(r => r.Name), rates = rows.Select(r => r.Rate), schedule = t.Schedule });
    }

    private static string Treemap(BudgetTable t)
    {
        var roots = new List<Node>();
        var stack = new List<Node>();
        foreach (var r in t.Rows.Where(r => !r.Total))
        {
            var node = new Node($"{r.Cells[0]} {r.Cells[1]}".Trim(), Math.Max(0, (decimal)r.Cells[t.Column("paid")]!), r.Drill.GetValueOrDefault("paid"), []);
            while (stack.Count > r.Level) stack.RemoveAt(stack.Count - 1);
            (stack.Count == 0 ? roots : stack[^1].Children).Add(node);
            stack.Add(node);
        }
        return JsonSerializer.Serialize(roots.Select(Shape));
    }

    private static object Shape(Node n) => n.Children.Count == 0
        ? new { name = n.Name, value = n.Value, link = n.Link }
        : new { name = n.Name, value = n.Value, link = n.Link, children = n.Children.Select(Shape) };

    private static string Months(BudgetTable t)
    {
        var rows = t.Rows.Where(r => !r.Total).ToList();
        return JsonSerializer.Serialize(new
        {
            months = rows.Select(r => r.Cells[0]),
            paid = rows.Select(r => r.Cells[t.Column("paid")]),
            rate = rows.Select(r => (decimal?)r.Cells[t.Column("rate")] ?? 0m),
            schedule = rows.Select(r => r.Cells[t.Column("schedule")]),
        });
    }
}
