using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FPbase.Data;

/// <summary>Used by <c>dotnet ef</c> only: PostgreSQL with a dummy connection string (never opened).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FpbaseDbContext>
{
    public FpbaseDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FpbaseDbContext>()
            .UseNpgsql("Host=localhost;Database=fpbase_design;Username=design")
            .Options;
        return new FpbaseDbContext(options);
    }
}
