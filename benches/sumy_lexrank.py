"""Time sumy's LexRank on a generated corpus folder (for docs/performance.md).

    export NLTK_DATA=/work/shared/eval/nltk_data OPENBLAS_NUM_THREADS=1
    timeout 600 $HOME/evalenv/bin/python benches/sumy_lexrank.py target/bench-corpus/100

Reads every .md file (front matter dropped, title as heading), splits sentences with sumy's
Punkt tokenizer, as /work/shared/eval/baselines.py does, and asks LexRank for 6 sentences.
Prints parse and rank seconds and peak memory.
"""
import pathlib
import resource
import sys
import time

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words


def main(folder):
    tok = Tokenizer("english")
    t0 = time.process_time()
    paragraphs, n = [], 0
    for path in sorted(pathlib.Path(folder).glob("*.md")):
        text = path.read_text()
        _, front, body = text.split("---", 2)
        title = next((l.split(":", 1)[1].strip().strip('"') for l in front.splitlines()
                      if l.startswith("title:")), "")
        for i, para in enumerate(p for p in body.split("\n\n") if p.strip()):
            sents = [Sentence(s, tok) for s in tok.to_sentences(para) if s.strip()]
            if i == 0 and title:
                sents = [Sentence(title, tok, is_heading=True)] + sents
            n += len(sents)
            paragraphs.append(Paragraph(sents))
    doc = ObjectDocumentModel(paragraphs)
    t1 = time.process_time()
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    summary = lexrank(doc, 6)
    t2 = time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{folder}: {n} sentences, parse {t1 - t0:.2f} s, LexRank {t2 - t1:.2f} s CPU, "
          f"peak {peak:.0f} MB, {len(summary)} sentences out", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
