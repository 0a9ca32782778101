// Prints every path a portable PDB records: its documents' names, then the PDB path the DLL's CodeView entry names.
// The newcomer test runs it (`dotnet run .ci/pdb-paths.cs -- <dll> <pdb>`) to see that a CI pack names no local folder.
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

using var pdbStream = File.OpenRead(args[1]);
using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
var pdb = pdbProvider.GetMetadataReader();
foreach (var handle in pdb.Documents)
{
    Console.WriteLine(pdb.GetString(pdb.GetDocument(handle).Name));
}

using var dllStream = File.OpenRead(args[0]);
using var dll = new PEReader(dllStream);
foreach (var entry in dll.ReadDebugDirectory())
{
    if (entry.Type == DebugDirectoryEntryType.CodeView)
    {
        Console.WriteLine(dll.ReadCodeViewDebugDirectoryData(entry).Path);
    }
}
