namespace WebSample.Models;

public sealed record ErrorViewModel(int Status, string RequestId);
