package txfile

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// sharedStrings is a workbook's shared strings table: the text cells
// of a sheet refer to it by index. The strings are kept end to end in one
// string, so that a cell's text is a slice of it, never a copy: a string
// used by a million rows costs its length once.
type sharedStrings struct {
	all  string
	ends []int // ends[i] is where string i ends in all
}

func (s *sharedStrings) len() int { return len(s.ends) }

func (s *sharedStrings) get(i int) string {
	start := 0
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.all[start:s.ends[i]]
}

// longSharedString is the error for shared string i (counting from 0)
// when it is over maxXMLRun bytes, so more than 32,767 characters.
type longSharedString int

func (i longSharedString) Error() string {
	return fmt.Sprintf("a cell of at most 32,767 characters (Excel's limit): shared string %d (counting from 0) has more than 1 MiB", int(i))
}

// readShared reads the shared strings part, refused when it declares more
// than limit bytes. A string's text is its <t> elements end to end (rich
// text is a run of them), without phonetic guides (<rPh>).
func (w *xlsxWorkbook) readShared(limit int64) (*sharedStrings, error) {
	name := w.partOf("", "/sharedStrings", path.Join(w.dir, "sharedStrings.xml"))
	f, err := w.readPart(name, limit)
	if f == nil || err != nil {
		return &sharedStrings{}, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(&xmlGuard{r: rc})
	var all strings.Builder
	var ends []int
	depth, phonetic, inT := 0, 0, false
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, errXMLRun) {
			return nil, longSharedString(len(ends))
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return nil, errXMLDepth
			}
			switch t.Name.Local {
			case "rPh":
				phonetic++
			case "t":
				inT = phonetic == 0
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "rPh":
				phonetic--
			case "t":
				inT = false
			case "si":
				ends = append(ends, all.Len())
			}
		case xml.CharData:
			if inT {
				all.Write(t)
			}
		}
	}
	return &sharedStrings{all: all.String(), ends: ends}, nil
}
