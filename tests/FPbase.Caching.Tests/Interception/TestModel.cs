using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace FPbase.Caching.Tests.Interception;

public sealed class Widget
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class Gadget
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public int WidgetId { get; set; }
}

/// <summary>A two-table model that exercises the interceptors without any FPbase domain.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    /// <summary>On PostgreSQL the gadgets live in their own schema, so writes name them schema-qualified.</summary>
    public const string GadgetSchema = "inventory";

    public DbSet<Widget> Widgets => Set<Widget>();

    public DbSet<Gadget> Gadgets => Set<Gadget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>(entity =>
        {
            entity.ToTable("Widgets");
            entity.Property(w => w.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<Gadget>(entity =>
        {
            entity.ToTable("Gadgets", Database.IsNpgsql() ? GadgetSchema : null);
            entity.Property(g => g.Id).ValueGeneratedNever();
            entity.HasOne<Widget>().WithMany().HasForeignKey(g => g.WidgetId);
        });
        modelBuilder.AddResourceVersionOutbox();
    }
}

/// <summary>
/// The test model's invalidation story: a widget is on the widget list and its own page; a gadget
/// is on the gadget list and on its widget's page (the old and the new widget's, when it moves).
/// </summary>
public sealed class TestDependencyMap : IResourceDependencyMap
{
    public IResourceLinks? Collect(IReadOnlyList<EntityEntry> entries, ISet<string> resources)
    {
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Widget widget:
                    resources.Add("widgets");
                    resources.Add(ResourceNames.Row("widget", widget.Id));
                    break;
                case Gadget:
                    var widgetId = entry.Property(nameof(Gadget.WidgetId));
                    resources.Add("gadgets");
                    resources.Add(ResourceNames.Row("widget", widgetId.OriginalValue!));
                    resources.Add(ResourceNames.Row("widget", widgetId.CurrentValue!));
                    break;
            }
        }

        return null;
    }

    public void CollectForTable(IEntityType entityType, ISet<string> resources)
    {
        if (entityType.ClrType == typeof(Widget))
        {
            resources.Add("widgets");
            resources.Add(ResourceNames.FamilyOf("widget"));
        }
        else if (entityType.ClrType == typeof(Gadget))
        {
            resources.Add("gadgets");
            resources.Add(ResourceNames.FamilyOf("widget"));
        }
    }
}
