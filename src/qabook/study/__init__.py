"""Study mode, the parts that need no MkDocs: cards from rendered pages, the data scripts the
browser reads (assets/study.js, assets/fsrs.js), and the generated review and quiz pages."""

from qabook.study.cards import QuestionHtml, split_questions
from qabook.study.data import StudyTopic, card_files, chapter_cards, cards_scripts, index_script, write_cards_script
from qabook.study.pages import QUIZ_PAGE, REVIEW_PAGE, study_page_markdown

__all__ = ["QUIZ_PAGE", "REVIEW_PAGE", "QuestionHtml", "StudyTopic", "card_files", "cards_scripts", "chapter_cards",
           "index_script", "write_cards_script",
           "split_questions", "study_page_markdown"]
