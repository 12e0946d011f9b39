//! Figures as the sources state them. (Being built: see issue 5.)
