package dev.slimlab.ui.welcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The welcome page: loads {@code WelcomeView.fxml} with itself as controller and binds the
 * nodes to a {@link WelcomeViewModel}. It holds no state of its own.
 */
public final class WelcomeView {

    private static final String FXML = "WelcomeView.fxml";

    private final WelcomeViewModel viewModel;

    @FXML
    private Label headline;
    @FXML
    private Label tagline;
    @FXML
    private Label summary;
    @FXML
    private VBox steps;
    @FXML
    private Label riskLegendTitle;
    @FXML
    private Label lowRisk;
    @FXML
    private Label mediumRisk;
    @FXML
    private Label highRisk;

    public WelcomeView(WelcomeViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    /** Loads the layout and returns its root node, bound to the view model. */
    public Parent load() {
        URL location = Objects.requireNonNull(WelcomeView.class.getResource(FXML), FXML);
        FXMLLoader loader = new FXMLLoader(location);
        loader.setControllerFactory(type -> {
            if (type != WelcomeView.class) {
                throw new IllegalArgumentException(FXML + " asks for controller " + type);
            }
            return this;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + location, e);
        }
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        tagline.textProperty().bind(viewModel.taglineProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        riskLegendTitle.textProperty().bind(viewModel.riskLegendTitleProperty());
        lowRisk.textProperty().bind(viewModel.lowRiskProperty());
        mediumRisk.textProperty().bind(viewModel.mediumRiskProperty());
        highRisk.textProperty().bind(viewModel.highRiskProperty());

        showSteps();
        viewModel.getSteps().addListener((ListChangeListener<String>) change -> showSteps());
    }

    private void showSteps() {
        steps.getChildren().clear();
        int number = 1;
        for (String step : viewModel.getSteps()) {
            Label numberLabel = new Label(Integer.toString(number++));
            numberLabel.getStyleClass().add("welcome-step-number");
            Label text = new Label(step);
            text.getStyleClass().add("welcome-step-text");
            text.setWrapText(true);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox row = new HBox(numberLabel, text);
            row.getStyleClass().add("welcome-step");
            steps.getChildren().add(row);
        }
    }
}
