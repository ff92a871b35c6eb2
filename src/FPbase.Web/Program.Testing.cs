// WebApplicationFactory<Program> needs a public Program type; top-level statements generate an internal one.
public partial class Program;
